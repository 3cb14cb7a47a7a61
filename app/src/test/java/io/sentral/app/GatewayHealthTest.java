package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.AgentOptions;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T4: gateways are pinged with OPTIONS; one that stops answering is taken out of routing (and
 * shown as down in {@code sentral_gateway_up}) and put back when it answers again.
 */
class GatewayHealthTest {
    @TempDir
    Path dataDir;

    private static double up(TestNode node, String gateway) {
        var gauge = node.server.meters().find("sentral.gateway.up").tag("gateway", gateway).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @Test
    void silentGatewayIsTakenOutAndPutBackWhenItAnswersAgain() {
        try (SipTestAgent carrier1 = SipTestAgent.udp("127.0.0.2", 0, AgentOptions.defaults().withAnswerOptions(false));
             SipTestAgent carrier2 = SipTestAgent.udp("127.0.0.3", 0);
             SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
             TestNode node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                     .gateways(Map.of("carrier-1", carrier1.port(), "carrier-2", carrier2.port()))
                     .gatewayTimeout(Duration.ofMillis(400)).pingEvery(Duration.ofMillis(300)))) {
            Awaitility.await().atMost(WAIT).until(() -> up(node, "carrier-1") == 0 && up(node, "carrier-2") == 1);

            SipMessage invite = pbx.newInvite("+4722120001", "sip:91234567@sentral.test", Sdp.offer("127.0.0.1", 41000));
            pbx.send(invite, node.address);
            SipMessage authorized = new DigestClient("acme-pbx", "acme-secret")
                    .authorize(invite, pbx.awaitResponse(invite, 407, WAIT));
            pbx.send(authorized, node.address);
            SipMessage atSecond = carrier2.awaitRequest("INVITE", WAIT);
            carrier2.respond(atSecond, 486, "Busy Here");
            assertThat(pbx.awaitFinalResponse(authorized, WAIT).status()).isEqualTo(486);
            assertThat(carrier1.pollRequest("INVITE", Duration.ofMillis(200))).isEmpty();

            Awaitility.await().atMost(WAIT).until(() -> {
                carrier1.pollRequest("OPTIONS", Duration.ofMillis(100)).ifPresent(o -> carrier1.respond(o, 200, "OK"));
                return up(node, "carrier-1") == 1;
            });
        }
    }
}
