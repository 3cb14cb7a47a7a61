package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.LocationFormat;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.emergency.EmergencyAddressVersion;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.TenantId;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T6: emergency calls are never blocked, and carry the caller's registered civic address as a
 * PIDF-LO body by value with a Geolocation header (RFC 6442) to the emergency gateway.
 *
 * <pre>
 * acme PBX                 Sentral                          PSAP gateway 127.0.0.4
 *   | INVITE 112 ---------->|                                  |
 *   |<----------- 407       |                                  |
 *   | INVITE 112 + auth --->| lookup address (budget 300 ms)   |
 *   |                       | INVITE sip:112@…, Geolocation, -->|
 *   |                       |   multipart/mixed (SDP + PIDF-LO)|
 *   |<------------------ 200|<------------------------------ 200|
 * </pre>
 */
class EmergencyCallTest {
    @TempDir
    Path dataDir;

    private SipTestAgent carrier;
    private SipTestAgent psap;
    private SipTestAgent pbx;
    private SipTestAgent svea;
    private TestNode node;

    @BeforeEach
    void agents() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        psap = SipTestAgent.udp("127.0.0.4", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        svea = SipTestAgent.udp("127.0.0.5", 0);
    }

    @AfterEach
    void stop() {
        carrier.close();
        psap.close();
        pbx.close();
        svea.close();
        if (node != null) {
            node.close();
        }
    }

    private void start(TestNode.Setup setup) {
        node = TestNode.start(dataDir, Clock.systemUTC(),
                setup.gateways(Map.of("carrier-1", carrier.port(), "emergency", psap.port())));
    }


    /** The PSAP answers; the caller gets the 200. */
    private void answer(SipMessage atPsap, SipMessage invite) {
        psap.answer(atPsap, Sdp.offer("127.0.0.4", 44000));
        SipMessage ok = pbx.awaitResponse(invite, 200, WAIT);
        pbx.ack(invite, ok);
    }

    private static void assertLocatedAt(SipMessage atPsap, String street, String postcode) {
        assertThat(atPsap.header("Geolocation").orElseThrow()).startsWith("<cid:");
        assertThat(atPsap.header("Content-Type").orElseThrow()).startsWith("multipart/mixed");
        assertThat(atPsap.body()).contains("application/pidf+xml", "application/sdp", "<ca:RD>" + street + "</ca:RD>",
                "<ca:PC>" + postcode + "</ca:PC>", "m=audio");
    }

    @Test
    void emergencyCallCarriesTheRegisteredAddressAsPidfLo() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "112");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.requestUri()).startsWith("sip:112@127.0.0.4");
        assertThat(atPsap.header("P-Asserted-Identity").orElseThrow()).contains("+4722120001");
        assertLocatedAt(atPsap, "Storgata", "0155");
        answer(atPsap, invite);
        assertThat(node.counter("sentral.emergency.calls", "location", "found")).isEqualTo(1);
    }

    @Test
    void emergencyCallFromANumberWithoutAddressStillConnectsAndRaisesTheAlarm() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4722120099", "113");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.hasHeader("Geolocation")).isFalse();
        assertThat(atPsap.body()).contains("m=audio");
        answer(atPsap, invite);
        assertThat(node.counter("sentral.emergency.calls", "location", "missing")).isEqualTo(1);
    }

    @Test
    void emergencyCallGoesThroughBarringChannelLimitAndSpoofedCallerId() {
        start(TestNode.Setup.defaults().customers(p -> Provisionings.barrings("acme", Set.of(BarringClass.ALL_OUTGOING))
                .andThen(Provisionings.limits("acme", 1, 1)).apply(p)));
        SipMessage ordinary = node.dialFromAcme(pbx, "+4722120001", "91234567");
        assertThat(pbx.awaitFinalResponse(ordinary, WAIT).status()).isEqualTo(403);
        SipMessage spoofed = node.dialFromAcme(pbx, "+4799999999", "+47112");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.header("P-Asserted-Identity").orElseThrow()).contains("+4722120000");
        assertLocatedAt(atPsap, "Storgata", "0155");
        answer(atPsap, spoofed);
    }

    @Test
    void staticTrunkEmergencyCallGoesToTheEmergencyGatewayWithItsSwedishAddress() {
        start(TestNode.Setup.defaults());
        SipMessage invite = svea.newInvite("+46812345601", "sip:112@sentral.test", Sdp.offer("127.0.0.5", 43000));
        svea.send(invite, node.address);
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertLocatedAt(atPsap, "Drottninggatan", "111 51");
        psap.respond(atPsap, 486, "Busy Here");
        assertThat(svea.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
    }

    @Test
    void serviceUrnIsRecognised() {
        start(TestNode.Setup.defaults());
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "urn:service:sos.police");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.requestUri()).isEqualTo("urn:service:sos.police");
        assertLocatedAt(atPsap, "Storgata", "0155");
        answer(atPsap, invite);
    }

    @Test
    void failingAddressStoreNeverStopsTheCall() {
        start(TestNode.Setup.defaults().addressStore(failing(() -> {
            throw new IllegalStateException("address database unavailable");
        })));
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "112");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.hasHeader("Geolocation")).isFalse();
        answer(atPsap, invite);
        assertThat(node.counter("sentral.emergency.calls", "location", "missing")).isEqualTo(1);
    }

    @Test
    void slowAddressStoreDelaysTheCallByTheBudgetAtMost() {
        start(TestNode.Setup.defaults().addressStore(failing(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        })));
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "112");
        SipMessage atPsap = psap.awaitRequest("INVITE", Duration.ofSeconds(2));
        answer(atPsap, invite);
    }

    @Test
    void gatewayConfiguredForAPlainHeaderGetsTheAddressInOneHeader() {
        start(TestNode.Setup.defaults().emergencyLocationFormat(LocationFormat.HEADER));
        SipMessage invite = node.dialFromAcme(pbx, "+4722120001", "112");
        SipMessage atPsap = psap.awaitRequest("INVITE", WAIT);
        assertThat(atPsap.header("X-Civic-Address")).contains("Storgata 1, 0155 Oslo, NO");
        assertThat(atPsap.hasHeader("Geolocation")).isFalse();
        assertThat(atPsap.header("Content-Type").orElseThrow()).startsWith("application/sdp");
        answer(atPsap, invite);
    }

    /** An address store whose lookups do {@code lookup} instead. */
    private static UnaryOperator<EmergencyAddressStore> failing(
            java.util.function.Supplier<Optional<CivicAddress>> lookup) {
        return real -> new EmergencyAddressStore() {
            @Override
            public Optional<CivicAddress> addressOf(E164Number number) {
                return lookup.get();
            }

            @Override
            public List<NumberRange> numbersWithoutAddress(TenantId tenant) {
                return real.numbersWithoutAddress(tenant);
            }

            @Override
            public List<EmergencyAddressVersion> history(TenantId tenant) {
                return real.history(tenant);
            }
        };
    }
}
