package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T8 monthly cost limit and T9 portability from provisioning through the database and routing to
 * the wire: a customer at its limit is refused, a ported-away number gets its routing prefix, a
 * number ported in reaches its new owner's PBX once its porting date has come.
 */
class PortabilityAndCostLimitTest {
    @TempDir
    Path dataDir;


    @Test
    void customerAtItsMonthlyCostLimitIsRefusedButMayStillCallEmergency() {
        try (SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 0);
             SipTestAgent psap = SipTestAgent.udp("127.0.0.4", 0);
             SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
             TestNode node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                     .gateways(Map.of("carrier-1", carrier.port(), "emergency", psap.port()))
                     .customers(Provisionings.costLimit("acme", BigDecimal.ZERO)))) {
            SipMessage call = node.dialFromAcme(pbx, "+4722120001", "91234567");
            SipMessage refused = pbx.awaitFinalResponse(call, WAIT);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.reason()).contains("monthly cost limit");
            assertThat(node.counter("sentral.cost.limit.hits", "tenant", "acme", "trunk", "acme-pbx")).isEqualTo(1);
            SipMessage emergency = node.dialFromAcme(pbx, "+4722120001", "112");
            psap.respond(psap.awaitRequest("INVITE", WAIT), 486, "Busy Here");
            assertThat(pbx.awaitFinalResponse(emergency, WAIT).status()).isEqualTo(486);
        }
    }

    @Test
    void portedOutNumberGetsItsRoutingPrefix() {
        try (SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 0);
             SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
             TestNode node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                     .gateways(Map.of("carrier-1", carrier.port()))
                     .portedOut(List.of(new PortedOut(E164Number.of("+4791234567"), Optional.of("1601"),
                             Optional.empty()))))) {
            SipMessage call = node.dialFromAcme(pbx, "+4722120001", "91234567");
            SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
            assertThat(atCarrier.requestUri()).startsWith("sip:16014791234567@");
            carrier.respond(atCarrier, 486, "Busy Here");
            pbx.awaitFinalResponse(call, WAIT);
        }
    }

    @Test
    void numberPortedInReachesItsNewOwnerFromThePortingDate() {
        PortedIn ported = new PortedIn(TenantId.of("acme"), E164Number.of("+4799887766"),
                Optional.of(TrunkId.of("acme-pbx")), Instant.parse("2026-01-01T00:00:00Z"));
        PortedIn later = new PortedIn(TenantId.of("acme"), E164Number.of("+4799887767"),
                Optional.of(TrunkId.of("acme-pbx")), Instant.now().plusSeconds(86_400));
        try (SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 0);
             SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
             TestNode node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                     .gateways(Map.of("carrier-1", carrier.port()))
                     .customers(Provisionings.portedIn("acme", List.of(ported, later))))) {
            node.registerAcme(pbx);
            SipMessage invite = carrier.newInvite("+4791234567", "sip:+4799887766@sentral.test", "");
            carrier.send(invite, node.address);
            SipMessage atPbx = pbx.awaitRequest("INVITE", WAIT);
            assertThat(atPbx.requestUri()).startsWith("sip:+4799887766@");
            pbx.respond(atPbx, 486, "Busy Here");
            assertThat(carrier.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);

            SipMessage tooEarly = carrier.newInvite("+4791234567", "sip:+4799887767@sentral.test", "");
            carrier.send(tooEarly, node.address);
            assertThat(carrier.awaitFinalResponse(tooEarly, WAIT).status()).isEqualTo(404);
        }
    }
}
