package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbound request route (T4): a call from a customer trunk to the public network. Stages, in
 * order:
 * <ol>
 *   <li>{@link RouteRule#OUTBOUND_ORIGIN_TRUNK} — the trunk and its customer must be provisioned, else 403;</li>
 *   <li>{@link RouteRule#OUTBOUND_CALLEE_NUMBER} — the dialled number to E.164 in the customer's
 *       plan, else 484;</li>
 *   <li>{@link RouteRule#OUTBOUND_PRESENTED_CALLER} — the presented From number in the customer's plan;</li>
 *   <li>{@link RouteRule#OUTBOUND_CARRIER_GATEWAYS} — all carrier gateways in priority order (the edge
 *       fails over along them), else 503.</li>
 * </ol>
 * Caller-ID ownership (T5) is not checked here yet: it becomes its own stage between
 * {@code presentedCaller} and {@code carrierGateways}, taking the {@link Presented} call.
 */
final class OutboundRoute {
    private final List<GatewaySettings> carriers;

    /** The call entering the route, with the tenant data it is decided on. */
    private record Call(CallRequest request, CallOrigin.CustomerTrunk origin, TenantSnapshot tenants) {
    }

    /** After {@link RouteRule#OUTBOUND_ORIGIN_TRUNK}: the sending trunk and its customer. */
    private record FromTrunk(Call call, Customer customer, Trunk trunk) {
    }

    /** After {@link RouteRule#OUTBOUND_CALLEE_NUMBER}: the dialled number in E.164. */
    private record Dialled(FromTrunk from, E164Number callee) {
    }

    /**
     * After {@link RouteRule#OUTBOUND_PRESENTED_CALLER}: the number the customer presents, in E.164
     * when it is one, else as received. Not yet verified as owned (T5).
     */
    private record Presented(Dialled dialled, String caller) {
    }

    /** @param gateways all operator gateways; only {@link GatewayRole#CARRIER} ones are used, by priority */
    OutboundRoute(List<GatewaySettings> gateways) {
        this.carriers = gateways.stream()
                .filter(g -> g.role() == GatewayRole.CARRIER)
                .sorted(Comparator.comparingInt(GatewaySettings::priority))
                .toList();
    }

    RoutePlan route(CallRequest request, CallOrigin.CustomerTrunk origin, TenantSnapshot tenants) {
        return Step.pass(new Call(request, origin, tenants))
                .then(this::originTrunk)
                .then(this::calleeNumber)
                .then(this::presentedCaller)
                .last(this::carrierGateways);
    }

    /**
     * The edge authenticated the trunk, but the snapshot may have changed since (trunk deleted,
     * moved): a trunk we no longer know may not call out.
     */
    private Step<FromTrunk> originTrunk(Call call) {
        CallOrigin.CustomerTrunk origin = call.origin();
        Optional<Trunk> trunk = call.tenants().trunk(origin.trunk());
        if (trunk.isEmpty()) {
            return reject(403, "Forbidden: unknown trunk " + origin.trunk(), RouteRule.OUTBOUND_ORIGIN_TRUNK);
        }
        if (!trunk.get().tenant().equals(origin.tenant())) {
            return reject(403, "Forbidden: trunk " + origin.trunk() + " does not belong to " + origin.tenant(),
                    RouteRule.OUTBOUND_ORIGIN_TRUNK);
        }
        Optional<Customer> customer = call.tenants().customer(origin.tenant());
        if (customer.isEmpty()) {
            return reject(403, "Forbidden: unknown customer " + origin.tenant(), RouteRule.OUTBOUND_ORIGIN_TRUNK);
        }
        return Step.pass(new FromTrunk(call, customer.get(), trunk.get()));
    }

    private Step<Dialled> calleeNumber(FromTrunk from) {
        String user = from.call().request().requestUser();
        return NumberNormaliser.normalise(user, from.customer().country())
                .<Step<Dialled>>map(number -> Step.pass(new Dialled(from, number)))
                .orElseGet(() -> reject(484, "Address Incomplete: '" + user + "' is not a number",
                        RouteRule.OUTBOUND_CALLEE_NUMBER));
    }

    /** Only reads the presented number; whether the customer may present it is T5's stage. */
    private Step<Presented> presentedCaller(Dialled dialled) {
        String fromUser = dialled.from().call().request().fromUser();
        String caller = NumberNormaliser.normalise(fromUser, dialled.from().customer().country())
                .map(E164Number::value)
                .orElse(fromUser);
        return Step.pass(new Presented(dialled, caller));
    }

    private RoutePlan carrierGateways(Presented presented) {
        if (carriers.isEmpty()) {
            return new RoutePlan.Reject(503, "Service Unavailable: no carrier gateway configured",
                    RouteRule.OUTBOUND_CARRIER_GATEWAYS.label());
        }
        List<Destination> destinations = carriers.stream()
                .map(g -> new Destination(g.endpoint().uri(null), "gateway " + g.name()))
                .toList();
        FromTrunk from = presented.dialled().from();
        return new RoutePlan.Forward(CallDirection.OUTBOUND, Optional.of(from.customer().id()),
                Optional.of(from.trunk().id()), presented.dialled().callee().value(), presented.caller(),
                destinations, RouteRule.OUTBOUND_CARRIER_GATEWAYS.label());
    }

    private static <T> Step<T> reject(int status, String reason, RouteRule rule) {
        return Step.decide(new RoutePlan.Reject(status, reason, rule.label()));
    }
}
