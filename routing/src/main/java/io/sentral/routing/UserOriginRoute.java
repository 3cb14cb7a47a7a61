package io.sentral.routing;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.util.List;
import java.util.Optional;

/**
 * A call from a switchboard user's device (S1, S9). In order:
 * <ol>
 *   <li>emergency numbers go out at once, as from any trunk ({@link EmergencyRoute}, via
 *       {@link OutboundRoute#routeAs}): never blocked, the user's presented number located;</li>
 *   <li>an extension of the customer rings that colleague; a number of the customer's own users
 *       or queues stays inside (INTERNAL), presenting the user's number;</li>
 *   <li>anything else leaves through the outbound route as the customer's switchboard trunk
 *       ({@code <tenant>-switchboard}: no channel limits, caller-ID policy replace), presenting the
 *       user's chosen {@link Presentation} number — checked for ownership like any trunk's caller
 *       (T5), an unowned choice replaced by the main number — with the customer's barrings.</li>
 * </ol>
 */
final class UserOriginRoute {
    private final SwitchboardRoutes switchboard;
    private final OutboundRoute outbound;

    UserOriginRoute(SwitchboardRoutes switchboard, OutboundRoute outbound) {
        this.switchboard = switchboard;
        this.outbound = outbound;
    }

    RoutePlan route(CallRequest request, CallOrigin.SwitchboardUser origin, TenantSnapshot tenants) {
        Optional<User> user = tenants.userByUsername(origin.user().value())
                .filter(u -> u.tenant().equals(origin.tenant()));
        Optional<Customer> customer = tenants.customer(origin.tenant());
        if (user.isEmpty() || customer.isEmpty()) {
            return new RoutePlan.Reject(403, "Forbidden: unknown switchboard user " + origin.user(),
                    RouteRule.OUTBOUND_ORIGIN_TRUNK.label());
        }
        Optional<E164Number> presented = presentation(user.get(), tenants);
        Optional<E164Number> fallback = tenants.mainNumber(origin.tenant()).or(() -> user.get().directNumber());
        if (presented.isEmpty() && fallback.isEmpty()) {
            return new RoutePlan.Reject(403, "Forbidden: " + origin.user() + " has no number to present",
                    RouteRule.OUTBOUND_CALLER_ID.label());
        }
        String shown = presented.or(() -> fallback).orElseThrow().value();
        String dialled = request.requestUser();
        if (EmergencyNumbers.recognise(dialled, customer.get().country()).isEmpty()) {
            RedirectedCall call = new RedirectedCall(request.callId(), CallDirection.INTERNAL, origin.tenant(),
                    CallerIdentity.plain(shown), presented.or(() -> fallback), List.of());
            Optional<RoutePlan> inside = switchboard.toExtension(tenants, call, dialled)
                    .or(() -> NumberNormaliser.normalise(dialled, customer.get().country())
                            .flatMap(number -> switchboard.internal(tenants, call, number)));
            if (inside.isPresent()) {
                return inside.get();
            }
        }
        Trunk trunk = new Trunk(switchboardTrunkOf(origin.tenant()), origin.tenant(),
                TrunkKind.REGISTRATION, Optional.of(user.get().sipCredentials()), List.of(), Optional.empty(),
                fallback.orElse(presented.orElseThrow()), CallerIdPolicy.REPLACE, 0, 0);
        CallRequest asTrunk = new CallRequest(request.callId(), new CallOrigin.CustomerTrunk(origin.tenant(),
                trunk.id()), dialled, shown, Optional.empty(), Optional.empty(), request.privacy());
        return outbound.routeAs(asTrunk, customer.get(), trunk, tenants);
    }

    /** The trunk a customer's switchboard users call out through, as limits and policy events name it. */
    static TrunkId switchboardTrunkOf(TenantId tenant) {
        return TrunkId.of(tenant.value() + "-switchboard");
    }

    /** S9: the number the user chose to show, if the user has it. */
    private static Optional<E164Number> presentation(User user, TenantSnapshot tenants) {
        return switch (user.presentation()) {
            case Presentation.OwnNumber own -> user.directNumber().or(() -> tenants.mainNumber(user.tenant()));
            case Presentation.MainNumber main -> tenants.mainNumber(user.tenant());
            case Presentation.QueueNumber q -> tenants.queue(user.tenant(), q.queue()).map(io.sentral.core.switchboard.Queue::number);
            case Presentation.Mobile mobile -> user.mobile();
        };
    }
}
