package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.Dialog;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S2-S5 queue calls over real SIP with the demo tenant fjord: Sentralbord (+4723450000, Alice and
 * Bob, overflow to Support) and Support (+4723450050, Carol). Timers are shortened per test.
 *
 * <pre>
 * carrier 127.0.0.2          Sentral                    agent's phone
 *   | INVITE +4723450000 --->|                             |
 *   |<-- 100, 182 Queued ----|  (engine offers the call)   |
 *   |                        |--- INVITE (caller's SDP) -->|
 *   |                        |<-- 180, 200 (agent's SDP) --|
 *   |<-- 200 (agent's SDP) --|--- ACK -------------------->|
 *   | ACK ------------------>|                             |
 * </pre>
 */
class QueueCallTest {
    private static final String MAIN = "+4723450000";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private TestNode node;
    private SipTestAgent carrier;
    private Phones phones;

    private void start(Duration ring, Duration wrapUp, Duration maxWait) {
        scene = SwitchboardScene.start(dataDir, Provisionings.queues("fjord", Provisionings.timers(ring, wrapUp, maxWait)));
        carrier = scene.carrier;
        node = scene.node;
        phones = scene.phones;
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void aCallerToTheMainNumberWaitsQueuedAndReachesAliceOrBob_S2() {
        start(Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60));
        SipTestAgent alice = phones.register("alice");
        SipTestAgent bob = phones.register("bob");

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", MAIN, 40000);
        assertThat(carrier.awaitResponse(invite, 182, WAIT).reason()).isEqualTo("Queued");
        Phones.Ringing ringing = Phones.awaitRinging(WAIT, alice, bob);
        assertThat(ringing.invite().from().uri()).contains("+4791234567");
        assertThat(ringing.invite().body()).contains("40000");
        Phones.pickUp(ringing.phone(), ringing.invite(), 40010);

        SipMessage ok = carrier.awaitResponse(invite, 200, WAIT);
        assertThat(ok.body()).as("the agent's media").contains("40010");
        carrier.ack(invite, ok);
        carrier.bye(Dialog.asUac(invite, ok));
        Phones.answerNext(ringing.phone(), "BYE");
        assertThat(node.completedRecord(invite.callId()).answeredAt()).isPresent();
    }

    @Test
    void aVipCallerWhoArrivesLaterIsAnsweredFirst_S3() {
        start(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(60));
        SipTestAgent alice = phones.register("alice");
        SipMessage first = Phones.callIn(node, carrier, "+4791000001", MAIN, 40000);
        SipMessage offered = alice.awaitRequest("INVITE", WAIT);
        SipMessage answered = Phones.pickUp(alice, offered, 40010);
        Phones.connect(carrier, first);

        SipMessage ordinary = Phones.callIn(node, carrier, "+4791000002", MAIN, 40020);
        carrier.awaitResponse(ordinary, 182, WAIT);
        SipMessage vip = Phones.callIn(node, carrier, "+4790000001", MAIN, 40030);
        carrier.awaitResponse(vip, 182, WAIT);
        assertThat(alice.pollRequest("INVITE", Duration.ofMillis(500))).as("Alice is busy").isEmpty();

        alice.bye(Dialog.asUas(offered, answered));
        SipMessage next = alice.awaitRequest("INVITE", Duration.ofSeconds(4));
        assertThat(next.from().uri()).as("the VIP goes first").contains("+4790000001");
        Phones.pickUp(alice, next, 40040);
        Phones.connect(carrier, vip);
        carrier.cancel(ordinary);
        carrier.awaitResponse(ordinary, 487, WAIT);
    }

    @Test
    void aCallerOverflowsToSupportAtMaxWaitWithItsDiversion_S4() {
        start(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3));
        SipTestAgent alice = phones.register("alice");
        SipTestAgent carol = phones.register("carol");

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", MAIN, 40000);
        carrier.awaitResponse(invite, 182, WAIT);
        SipMessage ringsAlice = alice.awaitRequest("INVITE", WAIT);
        alice.respond(ringsAlice, 180, "Ringing");
        assertThat(carol.pollRequest("INVITE", Duration.ofMillis(1500))).as("not before max wait").isEmpty();

        SipMessage toSupport = carol.awaitRequest("INVITE", Duration.ofSeconds(4));
        assertThat(toSupport.header("Diversion")).hasValueSatisfying(d -> assertThat(d)
                .contains("+4723450000").contains("reason=deflection"));
        Phones.pickUp(carol, toSupport, 40010);
        Dialog call = Phones.connect(carrier, invite);
        carrier.bye(call);
        Phones.answerNext(carol, "BYE");
    }

    @Test
    void withNobodyLoggedInTheCallerOverflowsAtOnce_S4() {
        start(Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60));
        SipTestAgent carol = phones.register("carol");

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", MAIN, 40000);
        SipMessage toSupport = carol.awaitRequest("INVITE", Duration.ofSeconds(1));
        assertThat(toSupport.from().uri()).contains("+4791234567");
        Phones.pickUp(carol, toSupport, 40010);
        Phones.connect(carrier, invite);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsGoneAtOnce_S2() {
        start(Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60));
        SipTestAgent alice = phones.register("alice");
        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", MAIN, 40000);
        SipMessage ringing = alice.awaitRequest("INVITE", WAIT);
        alice.respond(ringing, 180, "Ringing");

        carrier.cancel(invite);
        carrier.awaitResponse(invite, 487, WAIT);
        SipMessage cancel = alice.awaitRequest("CANCEL", WAIT);
        alice.respond(cancel, 200, "OK");
        alice.respond(ringing, 487, "Request Terminated");
        assertThat(node.completedRecord(invite.callId()).answeredAt()).isEmpty();
    }
}
