package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.EndCause;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T3 inbound B2BUA calls from the carrier gateway (127.0.0.2) to the registered acme-pbx trunk.
 *
 * <pre>
 * carrier 127.0.0.2        Sentral               acme PBX (registered contact)
 *   | INVITE +4722120005 -->|                      |
 *   |<-- 100                | INVITE (new Call-ID)->|
 *   |<-------------- 180    |<---------------- 180  |
 *   |<-------------- 200    |<---------------- 200  |
 *   | ACK ----------------->| ACK ---------------->|
 *   | BYE ----------------->| BYE ---------------->|
 * </pre>
 */
class InboundCallTest {
    private static final String CALLED = "+4722120005";

    @TempDir
    Path dataDir;

    private TestNode node;
    private SipTestAgent carrier;
    private SipTestAgent pbx;

    @BeforeEach
    void start() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        node = TestNode.start(dataDir, Clock.systemUTC(), Map.of("carrier-1", carrier.port()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        carrier.close();
        pbx.close();
        node.close();
    }

    private SipMessage callIn() {
        SipMessage invite = carrier.newInvite("+4791234567", "sip:" + CALLED + "@127.0.0.1:" + node.address.getPort(),
                Sdp.offer("127.0.0.2", 40000));
        carrier.send(invite, node.address);
        return invite;
    }

    /** Calls in, PBX answers; returns {invite, answered-at-pbx incoming, pbx's 200}. */
    private SipMessage[] answeredCall() {
        node.registerAcme(pbx);
        SipMessage invite = callIn();
        SipMessage incoming = pbx.awaitRequest("INVITE", WAIT);
        pbx.respond(incoming, 180, "Ringing");
        assertThat(carrier.awaitResponse(invite, 180, WAIT).status()).isEqualTo(180);
        SipMessage answer = pbx.answer(incoming, Sdp.offer("127.0.0.1", 40002));
        SipMessage ok = carrier.awaitResponse(invite, 200, WAIT);
        assertThat(ok.body()).contains("40002");
        carrier.ack(invite, ok);
        pbx.awaitRequest("ACK", WAIT);
        return new SipMessage[] {invite, incoming, answer, ok};
    }

    @Test
    void reachesTheRegisteredContactWithTheE164NumberAndItsOwnCallId() {
        node.registerAcme(pbx);
        SipMessage invite = callIn();
        SipMessage incoming = pbx.awaitRequest("INVITE", WAIT);
        assertThat(incoming.requestUri()).startsWith("sip:" + CALLED + "@127.0.0.1:" + pbx.port());
        assertThat(incoming.callId()).isNotEqualTo(invite.callId());
        assertThat(incoming.body()).contains("40000");
        pbx.respond(incoming, 486, "Busy Here");
        assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
    }

    @Test
    void answeredCallEndsWhenTheCallerHangsUp() {
        SipMessage[] call = answeredCall();
        SipMessage bye = carrier.bye(Dialog.asUac(call[0], call[3]));
        assertThat(carrier.awaitResponse(bye, 200, WAIT).status()).isEqualTo(200);
        SipMessage byeAtPbx = pbx.awaitRequest("BYE", WAIT);
        pbx.respond(byeAtPbx, 200, "OK");
        CallRecord record = node.completedRecord(call[0].callId());
        assertThat(record.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(record.answeredAt()).isPresent();
        assertThat(record.cause()).contains(EndCause.CALLER_HANGUP);
        assertThat(record.callee()).isEqualTo(CALLED);
    }

    @Test
    void answeredCallEndsWhenTheCalleeHangsUp() {
        SipMessage[] call = answeredCall();
        SipMessage bye = pbx.bye(Dialog.asUas(call[1], call[2]));
        assertThat(pbx.awaitResponse(bye, 200, WAIT).status()).isEqualTo(200);
        carrier.respond(carrier.awaitRequest("BYE", WAIT), 200, "OK");
        assertThat(node.completedRecord(call[0].callId()).cause()).contains(EndCause.CALLEE_HANGUP);
    }

    @Test
    void reInviteForHoldIsRelayedBothWays() {
        SipMessage[] call = answeredCall();
        Dialog callerSide = Dialog.asUac(call[0], call[3]);
        String hold = Sdp.offer("127.0.0.2", 40000).replace("a=sendrecv", "") + "a=sendonly\r\n";
        SipMessage reInvite = carrier.reInvite(callerSide, hold);
        SipMessage atPbx = pbx.awaitRequest("INVITE", WAIT);
        assertThat(atPbx.body()).contains("a=sendonly");
        pbx.respond(atPbx, 200, "OK", Map.of("Content-Type", "application/sdp"),
                Sdp.offer("127.0.0.1", 40002).replace("a=sendrecv", "") + "a=recvonly\r\n");
        SipMessage ok = carrier.awaitResponse(reInvite, 200, WAIT);
        assertThat(ok.body()).contains("a=recvonly");
        carrier.ack(reInvite, ok);
    }

    @Test
    void busyIsRelayedAndRecorded() {
        node.registerAcme(pbx);
        SipMessage invite = callIn();
        pbx.respond(pbx.awaitRequest("INVITE", WAIT), 486, "Busy Here");
        SipMessage busy = carrier.awaitFinalResponse(invite, WAIT);
        assertThat(busy.status()).isEqualTo(486);
        CallRecord record = node.completedRecord(invite.callId());
        assertThat(record.status()).contains(486);
        assertThat(record.answeredAt()).isEmpty();
    }

    @Test
    void callerCancelsBeforeAnswer() {
        node.registerAcme(pbx);
        SipMessage invite = callIn();
        SipMessage incoming = pbx.awaitRequest("INVITE", WAIT);
        pbx.respond(incoming, 180, "Ringing");
        carrier.awaitResponse(invite, 180, WAIT);
        SipMessage cancel = carrier.cancel(invite);
        assertThat(carrier.awaitResponse(cancel, 200, WAIT).status()).isEqualTo(200);
        assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(487);
        SipMessage cancelAtPbx = pbx.awaitRequest("CANCEL", WAIT);
        pbx.respond(cancelAtPbx, 200, "OK");
        pbx.respond(incoming, 487, "Request Terminated");
        assertThat(node.completedRecord(invite.callId()).cause()).contains(EndCause.CANCELLED);
    }

    @Test
    void unknownNumberIs404() {
        SipMessage invite = carrier.newInvite("+4791234567", "sip:+4799999999@127.0.0.1:" + node.address.getPort(),
                Sdp.offer("127.0.0.2", 40000));
        carrier.send(invite, node.address);
        assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(404);
        assertThat(node.completedRecord(invite.callId()).cause()).contains(EndCause.REJECTED);
    }

    @Test
    void unregisteredTrunkIs480() {
        SipMessage invite = callIn();
        SipMessage answer = carrier.awaitFinalResponse(invite, WAIT);
        assertThat(answer.status()).isEqualTo(480);
        assertThat(answer.reason()).contains("acme-pbx");
    }

    @Test
    void nationalFormOfTheNumberIsNormalised() {
        node.registerAcme(pbx);
        SipMessage invite = carrier.newInvite("+4791234567", "sip:22120005@127.0.0.1:" + node.address.getPort(),
                Sdp.offer("127.0.0.2", 40000));
        carrier.send(invite, node.address);
        SipMessage incoming = pbx.awaitRequest("INVITE", WAIT);
        assertThat(incoming.requestUri()).startsWith("sip:" + CALLED + "@");
        pbx.respond(incoming, 480, "Temporarily Unavailable");
        assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(480);
    }
}
