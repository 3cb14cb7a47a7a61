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
 * A forward that asserts another number than its From ({@code anonymous} under privacy, or a
 * replaced caller-ID) shows {@code asserted <number>}; an emergency call shows its service; the
 * policy events taken end the line. Received user parts are made safe ({@link ReasonText}) so a
 * hostile value cannot forge log lines. Contains phone numbers, so it belongs in logs, never in
 * metric labels.
 */
public final class RouteDecisionLog {

    private RouteDecisionLog() {
    }

    public static String line(CallRequest request, RoutePlan plan) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        String head = "call " + ReasonText.quote(request.callId()) + " from " + ReasonText.quote(request.fromUser())
                + " to " + ReasonText.quote(request.requestUser()) + " via " + origin(request.origin()) + ": "
                + plan.rule() + " -> ";
        String body = switch (plan) {
            case RoutePlan.Reject reject -> "reject " + reject.status() + " " + reject.reason()
                    + reject.retryAfter().map(d -> " (retry after " + d.toSeconds() + " s)").orElse("");
            case RoutePlan.Forward forward -> "forward " + forward.direction() + " "
                    + forward.tenant().map(Object::toString).orElse("-") + "/"
                    + forward.trunk().map(Object::toString).orElse("-") + " "
                    + forward.callerUser()
                    + forward.caller().asserted().filter(a -> !a.equals(forward.callerUser()))
                            .map(a -> " asserted " + a).orElse("")
                    + " -> " + forward.requestUser()
                    + forward.emergency().map(e -> " EMERGENCY " + e.service() + " " + e.country()).orElse("")
                    + " to " + forward.destinations().stream().map(RouteDecisionLog::destination)
                            .collect(Collectors.joining(", ", "[", "]"));
            case RoutePlan.RingUser ring -> "ring " + ring.tenant() + "/" + ring.user() + " "
                    + ring.caller().fromUser() + " -> " + ring.requestUser()
                    + ring.noAnswerAfter().map(d -> " for " + d.toSeconds() + " s").orElse("")
                    + diversions(ring.diversions())
                    + " on " + ring.devices().stream().map(RouteDecisionLog::destination)
                            .collect(Collectors.joining(", ", "[", "]"));
            case RoutePlan.JoinQueue join -> "queue " + join.tenant() + "/" + join.queue() + " "
                    + join.caller().fromUser() + " -> " + join.requestUser() + diversions(join.diversions());
        };
        String events = plan.events().isEmpty() ? ""
                : plan.events().stream().map(Object::toString).collect(Collectors.joining(", ", " events [", "]"));
        return head + body + events;
    }

    private static String origin(CallOrigin origin) {
        return switch (origin) {
            case CallOrigin.Carrier carrier -> carrier.gateway();
            case CallOrigin.CustomerTrunk trunk -> trunk.tenant() + "/" + trunk.trunk();
            case CallOrigin.SwitchboardUser user -> user.tenant() + "/user " + user.user();
        };
    }

    private static String diversions(java.util.List<io.sentral.core.call.Diversion> diversions) {
        return diversions.isEmpty() ? "" : diversions.stream()
                .map(d -> d.divertingNumber() + " (" + d.reason().token() + ")")
                .collect(Collectors.joining(", ", " diverted by [", "]"));
    }

    private static String destination(Destination d) {
        return d.label() + " <" + d.uri() + ">";
    }
}
