package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.EndCause;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.DigestClient;
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
 * T4 outbound calls from customer trunks to the public network, with gateway failover.
 *
 * <pre>
 * acme PBX                  Sentral                 carrier-1 127.0.0.2   carrier-2 127.0.0.3
 *   | INVITE 91234567 ------>|                          |                    |
 *   |<------------ 407       |                          |                    |
 *   | INVITE + credentials ->| INVITE +4791234567 ----->|                    |
 *   |                        |<-------- 503 (or silence)|                    |
 *   |                        | INVITE +4791234567 ------------------------->|
 *   |<------------------ 200 |<--------------------------------------- 200  |
 * </pre>
 */
class OutboundCallTest {
    @TempDir
    Path dataDir;

    private TestNode node;
    private SipTestAgent carrier1;
    private SipTestAgent carrier2;
    private SipTestAgent pbx;

    @BeforeEach
    void start() {
        carrier1 = SipTestAgent.udp("127.0.0.2", 0);
        carrier2 = SipTestAgent.udp("127.0.0.3", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        node = TestNode.start(dataDir, Clock.systemUTC(),
                Map.of("carrier-1", carrier1.port(), "carrier-2", carrier2.port()), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        carrier1.close();
        carrier2.close();
        pbx.close();
        node.close();
    }

    @Test
    void registeredTrunkCallReachesTheCarrierAndIsRecorded() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567");
        SipMessage atCarrier = carrier1.awaitRequest("INVITE", WAIT);
        assertThat(atCarrier.requestUri()).startsWith("sip:+4791234567@127.0.0.2:" + carrier1.port());
        assertThat(atCarrier.from().uri()).contains("+4722120001");
        SipMessage answer = carrier1.answer(atCarrier, Sdp.offer("127.0.0.2", 42000));
        SipMessage ok = pbx.awaitResponse(invite, 200, WAIT);
        pbx.ack(invite, ok);
        carrier1.awaitRequest("ACK", WAIT);
        SipMessage bye = carrier1.bye(Dialog.asUas(atCarrier, answer));
        pbx.respond(pbx.awaitRequest("BYE", WAIT), 200, "OK");
        carrier1.awaitResponse(bye, 200, WAIT);
        CallRecord record = node.completedRecord(invite.callId());
        assertThat(record.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(record.trunk().orElseThrow().value()).isEqualTo("acme-pbx");
        assertThat(record.callee()).isEqualTo("+4791234567");
        assertThat(record.cause()).contains(EndCause.CALLEE_HANGUP);
    }

    @Test
    void wrongTrunkPasswordOnInviteIsForbidden() {
        SipMessage invite = pbx.newInvite("+4722120001", "sip:91234567@sentral.test", Sdp.offer("127.0.0.1", 41000));
        pbx.send(invite, node.address);
        SipMessage challenge = pbx.awaitResponse(invite, 407, WAIT);
        SipMessage wrong = new DigestClient("acme-pbx", "nope").authorize(invite, challenge);
        pbx.send(wrong, node.address);
        assertThat(pbx.awaitFinalResponse(wrong, WAIT).status()).isEqualTo(403);
        assertThat(carrier1.pollRequest("INVITE", Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void staticTrunkIsTrustedBySourceAddress() {
        try (SipTestAgent svea = SipTestAgent.udp("127.0.0.5", 0)) {
            SipMessage invite = svea.newInvite("+46812345601", "sip:0701234567@sentral.test",
                    Sdp.offer("127.0.0.5", 43000));
            svea.send(invite, node.address);
            SipMessage atCarrier = carrier1.awaitRequest("INVITE", WAIT);
            assertThat(atCarrier.requestUri()).startsWith("sip:+46701234567@");
            carrier1.respond(atCarrier, 486, "Busy Here");
            assertThat(svea.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
            assertThat(node.completedRecord(invite.callId()).trunk().orElseThrow().value()).isEqualTo("svea-pbx");
        }
    }

    @Test
    void failsOverToTheNextGatewayOn503() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "+4791234567");
        carrier1.respond(carrier1.awaitRequest("INVITE", WAIT), 503, "Service Unavailable");
        SipMessage atSecond = carrier2.awaitRequest("INVITE", WAIT);
        carrier2.respond(atSecond, 486, "Busy Here");
        assertThat(pbx.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
    }

    @Test
    void failsOverToTheNextGatewayWhenTheFirstIsSilent() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "004791234567");
        carrier1.awaitRequest("INVITE", WAIT);
        SipMessage atSecond = carrier2.awaitRequest("INVITE", WAIT);
        assertThat(atSecond.requestUri()).startsWith("sip:+4791234567@127.0.0.3:");
        carrier2.respond(atSecond, 404, "Not Found");
        assertThat(pbx.awaitFinalResponse(invite, WAIT).status()).isEqualTo(404);
    }

    @Test
    void nonFailoverAnswerIsFinal() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567");
        carrier1.respond(carrier1.awaitRequest("INVITE", WAIT), 404, "Not Found");
        assertThat(pbx.awaitFinalResponse(invite, WAIT).status()).isEqualTo(404);
        assertThat(carrier2.pollRequest("INVITE", Duration.ofMillis(700))).isEmpty();
    }

    @Test
    void allGatewaysSilentGives408() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567");
        carrier1.awaitRequest("INVITE", WAIT);
        carrier2.awaitRequest("INVITE", WAIT);
        assertThat(pbx.awaitFinalResponse(invite, WAIT).status()).isEqualTo(408);
    }

    @Test
    void dialledStringThatIsNoNumberIs484() {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "12");
        assertThat(pbx.awaitFinalResponse(invite, WAIT).status()).isEqualTo(484);
    }
}
