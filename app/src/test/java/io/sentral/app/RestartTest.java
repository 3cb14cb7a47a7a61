package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrations and call records live in the database: a restarted node still routes to the PBX. */
class RestartTest {
    @TempDir
    Path dataDir;

    @Test
    void restartedNodeKeepsTheBindingAndTheCallRecords() {
        try (SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 0);
             SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0)) {
            String firstCall;
            try (TestNode node = TestNode.start(dataDir, Clock.systemUTC(), Map.of("carrier-1", carrier.port()),
                    Duration.ofSeconds(2))) {
                node.registerAcme(pbx);
                SipMessage invite = carrier.newInvite("+4791234567", "sip:+4722120005@127.0.0.1", "");
                carrier.send(invite, node.address);
                pbx.respond(pbx.awaitRequest("INVITE", WAIT), 486, "Busy Here");
                carrier.awaitFinalResponse(invite, WAIT);
                firstCall = invite.callId();
                node.completedRecord(firstCall);
            }
            try (TestNode restarted = TestNode.start(dataDir, Clock.systemUTC(), Map.of("carrier-1", carrier.port()),
                    Duration.ofSeconds(2))) {
                assertThat(restarted.record(firstCall)).get().satisfies(r -> assertThat(r.completed()).isTrue());
                SipMessage invite = carrier.newInvite("+4791234567",
                        "sip:+4722120005@127.0.0.1:" + restarted.address.getPort(), Sdp.offer("127.0.0.2", 40000));
                carrier.send(invite, restarted.address);
                SipMessage incoming = pbx.awaitRequest("INVITE", WAIT);
                assertThat(incoming.requestUri()).contains("127.0.0.1:" + pbx.port());
                pbx.respond(incoming, 603, "Decline");
                assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(603);
            }
        }
    }
}
