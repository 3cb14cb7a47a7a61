package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;

import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo switchboard's people on real sockets: users' SIP phones (registered with the users'
 * logins, DEMO.md) and callers from the public network through the carrier gateway agent.
 */
final class Phones implements AutoCloseable {
    private final TestNode node;
    private final List<SipTestAgent> agents = new ArrayList<>();

    Phones(TestNode node) {
        this.node = node;
    }

    /** A phone of {@code user} (alice, bob, carol), registered with the user's demo password. */
    SipTestAgent register(String user) {
        SipTestAgent phone = SipTestAgent.udp("127.0.0.1", 0);
        agents.add(phone);
        SipMessage ok = phone.register(node.address, new DigestClient(user, user + "-secret"), DOMAIN,
                Duration.ofHours(1), WAIT);
        if (ok.status() != 200) {
            throw new AssertionError(user + " could not register: " + ok.startLine());
        }
        return phone;
    }

    /** The carrier gateway sends a call from {@code caller} to {@code called}; returns the INVITE. */
    static SipMessage callIn(TestNode node, SipTestAgent carrier, String caller, String called, int mediaPort) {
        SipMessage invite = carrier.newInvite(caller, "sip:" + called + "@127.0.0.1:" + node.address.getPort(),
                Sdp.offer("127.0.0.2", mediaPort));
        carrier.send(invite, node.address);
        return invite;
    }

    /** Answers a ringing INVITE on {@code phone} (180 then 200 with SDP); returns the 200 sent. */
    static SipMessage pickUp(SipTestAgent phone, SipMessage incoming, int mediaPort) {
        phone.respond(incoming, 180, "Ringing");
        SipMessage ok = phone.answer(incoming, Sdp.offer("127.0.0.1", mediaPort));
        phone.awaitRequest("ACK", WAIT);
        return ok;
    }

    /** The first INVITE that reaches any of {@code phones} within {@code timeout}, with the phone it reached. */
    static Ringing awaitRinging(Duration timeout, SipTestAgent... phones) {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            for (SipTestAgent phone : phones) {
                Optional<SipMessage> invite = phone.pollRequest("INVITE", Duration.ofMillis(20));
                if (invite.isPresent()) {
                    return new Ringing(phone, invite.get());
                }
            }
        }
        throw new AssertionError("no phone rang within " + timeout);
    }

    record Ringing(SipTestAgent phone, SipMessage invite) {
    }

    /** The caller ACKs the 200 and has a dialog with Sentral. */
    static Dialog connect(SipTestAgent caller, SipMessage invite) {
        SipMessage ok = caller.awaitResponse(invite, 200, WAIT);
        caller.ack(invite, ok);
        return Dialog.asUac(invite, ok);
    }

    /** Answers every request of {@code method} waiting on {@code agent} with 200. */
    static SipMessage answerNext(SipTestAgent agent, String method) {
        SipMessage request = agent.awaitRequest(method, WAIT);
        agent.respond(request, 200, "OK", Map.of(), "");
        return request;
    }

    @Override
    public void close() {
        agents.forEach(SipTestAgent::close);
    }
}
