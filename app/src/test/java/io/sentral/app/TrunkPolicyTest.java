package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.barring.BarringClass;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T5 caller-ID ownership, T7 capacity and T8 barring over real SIP, with their metrics.
 *
 * <pre>
 * acme PBX / svea PBX        Sentral                       carrier 127.0.0.2
 *   | INVITE From: spoofed -->|                               |
 *   |<-- 403 (acme: reject)   |                               |
 *   |                         | INVITE From/PAI: default ---->|  (svea: replace)
 * </pre>
 */
class TrunkPolicyTest {
    @TempDir
    Path dataDir;

    private SipTestAgent carrier;
    private SipTestAgent pbx;
    private SipTestAgent svea;
    private TestNode node;

    @BeforeEach
    void agents() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        svea = SipTestAgent.udp("127.0.0.5", 0);
    }

    @AfterEach
    void stop() {
        carrier.close();
        pbx.close();
        svea.close();
        if (node != null) {
            node.close();
        }
    }

    private void start(TestNode.Setup setup) {
        node = TestNode.start(dataDir, Clock.systemUTC(), setup.gateways(Map.of("carrier-1", carrier.port())));
    }

    @Test
    void spoofedCallerIdFromARejectTrunkIs403AndCounted() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4723450101", "91234567", Map.of());
        SipMessage answer = pbx.awaitFinalResponse(invite, WAIT);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).containsIgnoringCase("caller-ID");
        assertThat(carrier.pollRequest("INVITE", Duration.ofMillis(300))).isEmpty();
        assertThat(node.counter("sentral.callerid.rejected", "tenant", "acme", "trunk", "acme-pbx", "action",
                "rejected")).isEqualTo(1);
    }

    @Test
    void spoofedCallerIdFromAReplaceTrunkGoesOutWithTheDefaultNumberAsserted() {
        start(TestNode.Setup.defaults());
        SipMessage invite = svea.newInvite("+4722120005", "sip:0812345699@sentral.test", Sdp.offer("127.0.0.5", 43000))
                .withHeader("P-Preferred-Identity", "<sip:+4722120005@sentral.test>");
        svea.send(invite, node.address);
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        assertThat(atCarrier.from().uri()).contains("+46812345600");
        assertThat(atCarrier.header("P-Asserted-Identity").orElseThrow()).contains("+46812345600");
        assertThat(atCarrier.hasHeader("P-Preferred-Identity")).isFalse();
        carrier.respond(atCarrier, 486, "Busy Here");
        assertThat(svea.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
        assertThat(node.counter("sentral.callerid.rejected", "tenant", "svea", "trunk", "svea-pbx", "action",
                "replaced")).isEqualTo(1);
    }

    @Test
    void ownedCallerIdIsAssertedAndCustomerIdentityHeadersAreStripped() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of(
                "P-Asserted-Identity", "<sip:+4790000001@evil.example>",
                "Remote-Party-ID", "<sip:+4790000002@evil.example>;party=calling"));
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        assertThat(atCarrier.header("P-Asserted-Identity").orElseThrow()).contains("+4722120001")
                .doesNotContain("+4790000001");
        assertThat(atCarrier.hasHeader("Remote-Party-ID")).isFalse();
        carrier.respond(atCarrier, 486, "Busy Here");
        pbx.awaitFinalResponse(invite, WAIT);
    }

    @Test
    void privacyIdHidesTheNumberFromTheCalleeButAssertsItToTheNetwork() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of("Privacy", "id"));
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        assertThat(atCarrier.from().uri()).contains("anonymous").doesNotContain("4722120001");
        assertThat(atCarrier.header("P-Asserted-Identity").orElseThrow()).contains("+4722120001");
        assertThat(atCarrier.header("Privacy")).contains("id");
        carrier.respond(atCarrier, 486, "Busy Here");
        pbx.awaitFinalResponse(invite, WAIT);
    }

    @Test
    void nonNumericCallerIdIsAClear4xxNeverA500() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "sip:alice@somewhere.example", "91234567", Map.of());
        SipMessage answer = pbx.awaitFinalResponse(invite, WAIT);
        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void channelLimitGives503WithRetryAfterAndIsCounted() {
        start(TestNode.Setup.defaults().customers(Provisionings.limits("acme", 1, 0)));
        SipMessage first = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of());
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        carrier.respond(atCarrier, 180, "Ringing");
        pbx.awaitResponse(first, 180, WAIT);
        SipMessage second = node.dialFromAcme(pbx, "+4722120002", "91234568", Map.of());
        SipMessage busy = pbx.awaitFinalResponse(second, WAIT);
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isPresent();
        assertThat(node.counter("sentral.trunk.limit.hits", "tenant", "acme", "trunk", "acme-pbx", "limit",
                "channels")).isEqualTo(1);
        carrier.respond(atCarrier, 486, "Busy Here");
        pbx.awaitFinalResponse(first, WAIT);
        SipMessage third = node.dialFromAcme(pbx, "+4722120003", "91234569", Map.of());
        SipMessage atCarrierAgain = carrier.awaitRequest("INVITE", WAIT);
        carrier.respond(atCarrierAgain, 486, "Busy Here");
        assertThat(pbx.awaitFinalResponse(third, WAIT).status()).isEqualTo(486);
    }

    @Test
    void callsPerSecondLimitGives503() {
        start(TestNode.Setup.defaults().customers(Provisionings.limits("acme", 0, 1)));
        SipMessage first = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of());
        carrier.respond(carrier.awaitRequest("INVITE", WAIT), 486, "Busy Here");
        pbx.awaitFinalResponse(first, WAIT);
        SipMessage second = node.dialFromAcme(pbx, "+4722120002", "91234568", Map.of());
        assertThat(pbx.awaitFinalResponse(second, WAIT).status()).isEqualTo(503);
    }

    @Test
    void internationalBarIs403NamingTheBar() {
        start(TestNode.Setup.defaults());
        SipMessage invite = svea.newInvite("+46812345601", "sip:+4791234567@sentral.test", Sdp.offer("127.0.0.5", 43000));
        svea.send(invite, node.address);
        SipMessage answer = svea.awaitFinalResponse(invite, WAIT);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).containsIgnoringCase("international");
        assertThat(node.counter("sentral.calls.barred", "tenant", "svea", "trunk", "svea-pbx", "bar",
                "international")).isEqualTo(1);
    }

    @Test
    void allOutgoingBarStopsOrdinaryCalls() {
        start(TestNode.Setup.defaults().customers(Provisionings.barrings("acme", Set.of(BarringClass.ALL_OUTGOING))));
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of());
        SipMessage answer = pbx.awaitFinalResponse(invite, WAIT);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).containsIgnoringCase("barred");
    }

    @Test
    void premiumRateBarStopsContentNumbers() {
        start(TestNode.Setup.defaults().customers(Provisionings.barrings("acme", Set.of(BarringClass.PREMIUM_RATE))));
        SipMessage premium = node.dialFromAcme(pbx, "+4722120001", "82012345", Map.of());
        assertThat(pbx.awaitFinalResponse(premium, WAIT).status()).isEqualTo(403);
        SipMessage ordinary = node.dialFromAcme(pbx, "+4722120001", "91234567", Map.of());
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        carrier.respond(atCarrier, 486, "Busy Here");
        assertThat(pbx.awaitFinalResponse(ordinary, WAIT).status()).isEqualTo(486);
    }

}
