package io.sentral.routing;

import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One-line explanation of a routing decision, for the log and for an operator asking "why did this
 * call go there", e.g.
 * {@code call abc from +4791234567 to 22120005 via carrier-1: inbound.registered-trunk -> forward INBOUND
 * acme/acme-pbx +4791234567 -> +4722120005 to [contact 1 of acme-pbx <sip:acme-pbx@127.0.0.2:5070>]}.
 * Contains phone numbers, so it belongs in logs, never in metric labels.
 */
public final class RouteDecisionLog {

    private RouteDecisionLog() {
    }

    public static String line(CallRequest request, RoutePlan plan) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        String head = "call " + request.callId() + " from " + request.fromUser() + " to " + request.requestUser()
                + " via " + origin(request.origin()) + ": " + plan.rule() + " -> ";
        return head + switch (plan) {
            case RoutePlan.Reject reject -> "reject " + reject.status() + " " + reject.reason();
            case RoutePlan.Forward forward -> "forward " + forward.direction() + " "
                    + forward.tenant().map(Object::toString).orElse("-") + "/"
                    + forward.trunk().map(Object::toString).orElse("-") + " "
                    + forward.callerUser() + " -> " + forward.requestUser() + " to "
                    + forward.destinations().stream().map(RouteDecisionLog::destination)
                            .collect(Collectors.joining(", ", "[", "]"));
        };
    }

    private static String origin(CallOrigin origin) {
        return switch (origin) {
            case CallOrigin.Carrier carrier -> carrier.gateway();
            case CallOrigin.CustomerTrunk trunk -> trunk.tenant() + "/" + trunk.trunk();
        };
    }

    private static String destination(Destination d) {
        return d.label() + " <" + d.uri() + ">";
    }
}
