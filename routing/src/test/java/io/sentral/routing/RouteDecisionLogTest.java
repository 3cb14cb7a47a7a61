package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDecisionLogTest {

    @Test
    void explainsAForwardInOneLine() {
        CallRequest request = CallRequest.simple("c1", new CallOrigin.Carrier("carrier-1"), "22120005", "91234567");
        RoutePlan plan = new RoutePlan.Forward(CallDirection.INBOUND, Optional.of(TenantId.of("acme")),
                Optional.of(TrunkId.of("acme-pbx")), "+4722120005", "+4791234567",
                List.of(new Destination("sip:acme-pbx@127.0.0.2:5070", "contact 1 of acme-pbx")),
                "inbound.registered-trunk");

        assertThat(RouteDecisionLog.line(request, plan)).isEqualTo("call c1 from 91234567 to 22120005 via carrier-1: "
                + "inbound.registered-trunk -> forward INBOUND acme/acme-pbx +4791234567 -> +4722120005 "
                + "to [contact 1 of acme-pbx <sip:acme-pbx@127.0.0.2:5070>]");
    }

    @Test
    void explainsARejectInOneLine() {
        CallRequest request = CallRequest.simple("c2",
                new CallOrigin.CustomerTrunk(TenantId.of("acme"), TrunkId.of("acme-pbx")), "1234", "22120005");
        RoutePlan plan = new RoutePlan.Reject(484, "Address Incomplete: '1234' is not a number",
                "outbound.callee-number");

        assertThat(RouteDecisionLog.line(request, plan)).isEqualTo("call c2 from 22120005 to 1234 via acme/acme-pbx: "
                + "outbound.callee-number -> reject 484 Address Incomplete: '1234' is not a number");
    }

    @Test
    void everyRuleLabelIsUniqueAndDotted() {
        assertThat(Arrays.stream(RouteRule.values()).map(RouteRule::label))
                .doesNotHaveDuplicates()
                .allMatch(l -> l.matches("(inbound|outbound|switchboard)\\.[a-z-]+"));
    }

    @Test
    void showsTheAssertedNumberTheEmergencyAndThePolicyEvents() {
        RoutingFixture fixture = new RoutingFixture();
        CallRequest request = new CallRequest("c3", RoutingFixture.FROM_ACME, "112", "+4790000000", Optional.empty(),
                Optional.empty(), Optional.of("id"));

        String line = RouteDecisionLog.line(request, fixture.router().route(request));

        assertThat(line).isEqualTo("call c3 from +4790000000 to 112 via acme/acme-pbx: outbound.emergency -> "
                + "forward OUTBOUND acme/acme-pbx +4722120000 -> 112 EMERGENCY 112 NO to "
                + "[emergency gateway emergency <sip:127.0.0.4:5060>, "
                + "gateway carrier-1 (emergency fallback) <sip:127.0.0.2:5060>, "
                + "gateway carrier-2 (emergency fallback) <sip:127.0.0.3:5060>] events ["
                + "CallerIdNotOwned[tenant=acme, trunk=acme-pbx, action=EMERGENCY_REPLACED, presented=+4790000000], "
                + "EmergencyCall[tenant=acme, trunk=acme-pbx, service=112]]");
    }

    @Test
    void showsAnonymousWithItsAssertedNumber() {
        RoutingFixture fixture = new RoutingFixture();
        CallRequest request = new CallRequest("c4", RoutingFixture.FROM_ACME, "91234567", "+4722120005",
                Optional.empty(), Optional.empty(), Optional.of("id"));

        assertThat(RouteDecisionLog.line(request, fixture.router().route(request)))
                .contains("forward OUTBOUND acme/acme-pbx anonymous asserted +4722120005 -> +4791234567");
    }

    @Test
    void showsRetryAfter() {
        CallRequest request = CallRequest.simple("c5", RoutingFixture.FROM_ACME, "91234567", "+4722120005");
        RoutePlan plan = new RoutePlan.Reject(503, "Service Unavailable (trunk acme-pbx is at its limit of 1 channel)",
                "outbound.capacity", Optional.of(Duration.ofSeconds(5)), List.of());

        assertThat(RouteDecisionLog.line(request, plan)).endsWith(
                "reject 503 Service Unavailable (trunk acme-pbx is at its limit of 1 channel) (retry after 5 s)");
    }

    @Test
    void hostileUserPartsCannotForgeLogLines() {
        CallRequest request = CallRequest.simple("c6\nINFO fake", RoutingFixture.FROM_ACME, "9\r\n1", "+47\u0000");
        RoutePlan plan = new RoutePlan.Reject(484, "Address Incomplete", "outbound.callee-number");

        assertThat(RouteDecisionLog.line(request, plan)).doesNotContain("\n", "\r", "\u0000")
                .startsWith("call c6?INFO fake from +47? to 9??1 via");
    }
}
