package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.E164Number;
import io.sentral.core.policy.CallerIdAction;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.EmergencyContext;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan for an emergency call (T6), taken by {@link RouteRule#OUTBOUND_EMERGENCY} right after
 * the origin trunk is known and before every policy: no capacity limit, barring, cost limit or
 * caller-ID rejection applies.
 *
 * <ul>
 *   <li>Caller-ID, never refusing: an owned presented number is kept, anything else becomes the
 *       trunk's default number ({@link CallerIdAction#EMERGENCY_REPLACED}). The number is always
 *       shown to the PSAP: a Privacy request is overridden, as the emergency services must be able
 *       to call back (CLIR override for emergency calls, EECC art. 109, ETSI TS 122 101).</li>
 *   <li>Destinations: the emergency gateways serving the service's country (a gateway without
 *       {@code countries} serves all), then the carrier gateways as a last resort, each group in
 *       {@link GatewayOrder} — health only reorders, a gateway marked down is still tried.</li>
 *   <li>Request user: the short number ({@code 112}) or the service URN; a URN is sent as the
 *       national number instead when no emergency gateway serves the country, as carriers route
 *       numbers, not URNs.</li>
 *   <li>The trunk's emergency counter goes up ({@link TrunkCapacity#countEmergency}); no channel
 *       or token is taken.</li>
 * </ul>
 * The edge looks up the civic address of {@link EmergencyContext#locationNumber()}, the asserted
 * number, and attaches it.
 */
final class EmergencyRoute {
    private final List<GatewaySettings> emergencyGateways;
    private final List<GatewaySettings> carriers;
    private final GatewayOrder order;
    private final CallerIdCheck callerIds;
    private final TrunkCapacity capacity;

    EmergencyRoute(List<GatewaySettings> gateways, GatewayOrder order, CallerIdCheck callerIds,
                   TrunkCapacity capacity) {
        this.emergencyGateways = gateways.stream().filter(g -> g.role() == GatewayRole.EMERGENCY).toList();
        this.carriers = gateways.stream().filter(g -> g.role() == GatewayRole.CARRIER).toList();
        this.order = Objects.requireNonNull(order, "order");
        this.callerIds = Objects.requireNonNull(callerIds, "callerIds");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
    }

    RoutePlan route(CallRequest request, Customer customer, Trunk trunk, TenantSnapshot tenants,
                    EmergencyService service) {
        List<PolicyEvent> events = new ArrayList<>();
        PresentedCaller presented = callerIds.check(request, customer, trunk, tenants);
        E164Number caller;
        if (presented instanceof PresentedCaller.Owned owned) {
            caller = owned.number();
        } else {
            caller = trunk.defaultNumber();
            events.add(new PolicyEvent.CallerIdNotOwned(customer.id(), trunk.id(), CallerIdAction.EMERGENCY_REPLACED,
                    presented.shown()));
        }
        events.add(new PolicyEvent.EmergencyCall(customer.id(), trunk.id(), service.service()));
        capacity.countEmergency(trunk.id());

        List<GatewaySettings> serving = emergencyGateways.stream()
                .filter(g -> g.countries().isEmpty() || g.countries().contains(service.country()))
                .toList();
        List<Destination> destinations = new ArrayList<>();
        order.order(serving).forEach(g -> destinations.add(
                new Destination(g.endpoint().uri(null), "emergency gateway " + g.name())));
        order.order(carriers).forEach(g -> destinations.add(
                new Destination(g.endpoint().uri(null), "gateway " + g.name() + " (emergency fallback)")));
        if (destinations.isEmpty()) {
            return new RoutePlan.Reject(503, "Service Unavailable (no gateway for emergency calls)",
                    RouteRule.OUTBOUND_EMERGENCY.label(), Optional.empty(), events);
        }
        String requestUser = service.isUrn() && serving.isEmpty() ? service.shortNumber() : service.service();
        return new RoutePlan.Forward(CallDirection.OUTBOUND, Optional.of(customer.id()), Optional.of(trunk.id()),
                requestUser, new CallerIdentity(caller.value(), Optional.of(caller.value()), false), destinations,
                RouteRule.OUTBOUND_EMERGENCY.label(),
                Optional.of(new EmergencyContext(service.service(), caller, service.country())), events);
    }
}
