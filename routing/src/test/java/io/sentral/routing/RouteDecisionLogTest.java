package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
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
                .allMatch(l -> l.matches("(inbound|outbound)\\.[a-z-]+"));
    }
}
