package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.policy.CallerIdAction;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbound request route (T4-T9): a call from a customer trunk to the public network. Stages,
 * in order — the first that decides ends the route:
 * <ol>
 *   <li>{@link RouteRule#OUTBOUND_ORIGIN_TRUNK} — the trunk and its customer must be provisioned, else 403;</li>
 *   <li>{@link RouteRule#OUTBOUND_EMERGENCY} — an emergency call goes to the emergency gateways
 *       now, past every stage below ({@link EmergencyRoute});</li>
 *   <li>{@link RouteRule#OUTBOUND_CAPACITY} — a channel and a calls-per-second token, else 503 with
 *       Retry-After ({@link TrunkCapacity}); from here on, a stage that refuses the call gives the
 *       channel back;</li>
 *   <li>{@link RouteRule#OUTBOUND_CALLEE_NUMBER} — the dialled number as a public or short number
 *       ({@link Callee}), else 484;</li>
 *   <li>{@link RouteRule#OUTBOUND_BARRING} — the customer's barrings ({@link Barring}), 403;</li>
 *   <li>{@link RouteRule#OUTBOUND_COST_LIMIT} — the monthly cost limit for chargeable calls, 403;</li>
 *   <li>{@link RouteRule#OUTBOUND_CALLER_ID} — the presented caller-ID must be owned
 *       ({@link CallerIdCheck}): else 403 or the trunk's default number, by the trunk's policy;</li>
 *   <li>{@link RouteRule#OUTBOUND_PORTABILITY} — a number ported away gets its routing prefix
 *       and/or gateway;</li>
 *   <li>{@link RouteRule#OUTBOUND_CARRIER_GATEWAYS} — the carrier gateways in {@link GatewayOrder},
 *       else 503.</li>
 * </ol>
 * Capacity comes before the checks of the dialled number and the caller so that a flood of
 * refused attempts still spends the trunk's calls-per-second budget.
 */
final class OutboundRoute {
    private final List<GatewaySettings> carriers;
    private final RoutingServices services;
    private final GatewayOrder gatewayOrder;
    private final CallerIdCheck callerIds;
    private final EmergencyRoute emergency;

    /** The call entering the route, with the tenant data it is decided on. */
    private record Call(CallRequest request, CallOrigin.CustomerTrunk origin, TenantSnapshot tenants) {
    }

    /** After {@link RouteRule#OUTBOUND_ORIGIN_TRUNK}: the sending trunk and its customer. */
    private record FromTrunk(Call call, Customer customer, Trunk trunk) {
    }

    /** After {@link RouteRule#OUTBOUND_CAPACITY}: the call holds a channel of its trunk. */
    private record Admitted(FromTrunk from) {
    }

    /** After {@link RouteRule#OUTBOUND_CALLEE_NUMBER}: what was dialled. */
    private record Dialled(FromTrunk from, Callee callee) {
    }

    /** After {@link RouteRule#OUTBOUND_CALLER_ID}: who the network is told is calling, and what that took. */
    private record Identified(Dialled dialled, CallerIdentity caller, List<PolicyEvent> events) {
    }

    /** After {@link RouteRule#OUTBOUND_PORTABILITY}: the Request-URI user and the gateway to try first, if any. */
    private record Ported(Identified identified, String requestUser, Optional<String> firstGateway) {
    }

    /** @param gateways all operator gateways: carriers for ordinary calls, emergency ones for emergency calls */
    OutboundRoute(List<GatewaySettings> gateways, RoutingServices services) {
        this.carriers = gateways.stream().filter(g -> g.role() == GatewayRole.CARRIER).toList();
        this.services = Objects.requireNonNull(services, "services");
        this.gatewayOrder = new GatewayOrder(services.health(), services.random());
        this.callerIds = new CallerIdCheck(services.clock());
        this.emergency = new EmergencyRoute(gateways, gatewayOrder, callerIds, services.capacity());
    }

    RoutePlan route(CallRequest request, CallOrigin.CustomerTrunk origin, TenantSnapshot tenants) {
        return Step.pass(new Call(request, origin, tenants))
                .then(this::originTrunk)
                .then(this::emergency)
                .then(this::capacity)
                .last(this::admitted);
    }

    /**
     * A call from a sender that is not a provisioned trunk — a switchboard user's device, sending
     * as its customer's switchboard trunk ({@link UserOriginRoute}) — from the emergency stage on.
     */
    RoutePlan routeAs(CallRequest request, Customer customer, Trunk trunk, TenantSnapshot tenants) {
        CallOrigin.CustomerTrunk origin = new CallOrigin.CustomerTrunk(customer.id(), trunk.id());
        return Step.pass(new FromTrunk(new Call(request, origin, tenants), customer, trunk))
                .then(this::emergency)
                .then(this::capacity)
                .last(this::admitted);
    }

    /**
     * The stages after admission. A refusal among them gives the channel back at once; so does a
     * bug that throws (a port failing), as the edge publishes no {@code Ended} for a call it could
     * not route and the channel would otherwise be lost until restart.
     */
    private RoutePlan admitted(Admitted admitted) {
        String callId = admitted.from().call().request().callId();
        RoutePlan plan;
        try {
            plan = Step.pass(admitted)
                    .then(this::calleeNumber)
                    .then(this::barring)
                    .then(this::costLimit)
                    .then(this::callerId)
                    .then(this::portability)
                    .last(this::carrierGateways);
        } catch (RuntimeException bug) {
            services.capacity().release(callId);
            throw bug;
        }
        if (plan instanceof RoutePlan.Reject) {
            services.capacity().release(callId);
        }
        return plan;
    }

    /**
     * The edge authenticated the trunk, but the snapshot may have changed since (trunk deleted,
     * moved): a trunk we no longer know may not call out. This runs even before the emergency
     * stage: without the trunk there is no customer country and no number to assert.
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

    private Step<FromTrunk> emergency(FromTrunk from) {
        Call call = from.call();
        return EmergencyNumbers.recognise(call.request().requestUser(), from.customer().country())
                .<Step<FromTrunk>>map(service -> Step.decide(
                        emergency.route(call.request(), from.customer(), from.trunk(), call.tenants(), service)))
                .orElseGet(() -> Step.pass(from));
    }

    /** Limits are read from the snapshot of this call, so a reload applies at once and keeps the counts. */
    private Step<Admitted> capacity(FromTrunk from) {
        Trunk trunk = from.trunk();
        Admission admission = services.capacity().admit(trunk.id(), from.call().request().callId(),
                trunk.maxChannels(), trunk.maxCallsPerSecond());
        return switch (admission) {
            case Admission.Admitted admitted -> Step.pass(new Admitted(from));
            case Admission.OverLimit over -> Step.decide(new RoutePlan.Reject(503,
                    "Service Unavailable (trunk " + trunk.id() + " is at its limit of " + limitText(over) + ")",
                    RouteRule.OUTBOUND_CAPACITY.label(), Optional.of(over.retryAfter()),
                    List.of(new PolicyEvent.LimitExceeded(from.customer().id(), trunk.id(), over.limit()))));
            case Admission.DuplicateCallId duplicate -> reject(400,
                    "Bad Request (Call-ID is already in use by a call in progress)", RouteRule.OUTBOUND_CAPACITY);
        };
    }

    private static String limitText(Admission.OverLimit over) {
        return switch (over.limit()) {
            case CHANNELS -> over.max() + (over.max() == 1 ? " channel" : " channels");
            case CALLS_PER_SECOND -> over.max() + (over.max() == 1 ? " call" : " calls") + " per second";
        };
    }

    private Step<Dialled> calleeNumber(Admitted admitted) {
        FromTrunk from = admitted.from();
        String user = from.call().request().requestUser();
        return Callee.read(user, from.customer().country(), services.numberPlan())
                .<Step<Dialled>>map(callee -> Step.pass(new Dialled(from, callee)))
                .orElseGet(() -> reject(484, "Address Incomplete: '" + ReasonText.quote(user) + "' is not a number",
                        RouteRule.OUTBOUND_CALLEE_NUMBER));
    }

    private Step<Dialled> barring(Dialled dialled) {
        FromTrunk from = dialled.from();
        Optional<BarringClass> bar = Barring.barredBy(from.call().tenants().barrings(from.customer().id()),
                dialled.callee(), from.customer().country());
        return bar.<Step<Dialled>>map(b -> Step.decide(new RoutePlan.Reject(403, Barring.reason(b),
                        RouteRule.OUTBOUND_BARRING.label(), Optional.empty(),
                        List.of(new PolicyEvent.CallBarred(from.customer().id(), from.trunk().id(), b)))))
                .orElseGet(() -> Step.pass(dialled));
    }

    /** T8 ({@link CostLimit}): every chargeable call that reaches this stage. */
    private Step<Dialled> costLimit(Dialled dialled) {
        FromTrunk from = dialled.from();
        if (!CostLimit.reached(from.call().tenants().monthlyCostLimit(from.customer().id()),
                dialled.callee().numberClass(), () -> services.spend().spentThisMonth(from.customer().id()))) {
            return Step.pass(dialled);
        }
        return Step.decide(new RoutePlan.Reject(403, CostLimit.REASON,
                RouteRule.OUTBOUND_COST_LIMIT.label(), Optional.empty(),
                List.of(new PolicyEvent.CostLimitReached(from.customer().id(), from.trunk().id()))));
    }

    /**
     * T5. Towards the network the verified number is always asserted; the callee sees
     * {@code anonymous} when the caller asked for privacy — by the Privacy header, or by presenting
     * only {@code anonymous} (replacing that with the default number must not unmask the caller).
     */
    private Step<Identified> callerId(Dialled dialled) {
        FromTrunk from = dialled.from();
        CallRequest request = from.call().request();
        PresentedCaller presented = callerIds.check(request, from.customer(), from.trunk(), from.call().tenants());
        boolean privacy = PrivacyHeader.hidesIdentity(request.privacy())
                || presented instanceof PresentedCaller.NotANumber n && n.anonymous();
        if (presented instanceof PresentedCaller.Owned owned) {
            return Step.pass(new Identified(dialled, identity(owned.number().value(), privacy), List.of()));
        }
        if (from.trunk().callerIdPolicy() == CallerIdPolicy.REJECT) {
            return Step.decide(new RoutePlan.Reject(403, "Forbidden (" + presented.problem(from.customer().id()) + ")",
                    RouteRule.OUTBOUND_CALLER_ID.label(), Optional.empty(),
                    List.of(event(from, CallerIdAction.REJECTED, presented))));
        }
        return Step.pass(new Identified(dialled, identity(from.trunk().defaultNumber().value(), privacy),
                List.of(event(from, CallerIdAction.REPLACED, presented))));
    }

    private static CallerIdentity identity(String verified, boolean privacy) {
        return new CallerIdentity(privacy ? "anonymous" : verified, Optional.of(verified), privacy);
    }

    private static PolicyEvent event(FromTrunk from, CallerIdAction action, PresentedCaller presented) {
        return new PolicyEvent.CallerIdNotOwned(from.customer().id(), from.trunk().id(), action, presented.shown());
    }

    /**
     * T9. A number ported away is sent as {@code <routing prefix><E.164 digits without +>}
     * ({@code C01} and {@code +4791234567} give {@code C014791234567}) when the table has a prefix,
     * and to the named gateway first when it has one (if that is a known carrier gateway; an
     * unknown name is ignored so that the call still goes out through the others).
     */
    private Step<Ported> portability(Identified identified) {
        Callee callee = identified.dialled().callee();
        Optional<PortedOut> ported = callee instanceof Callee.Public p
                ? identified.dialled().from().call().tenants().portability().portedOut(p.number())
                : Optional.empty();
        if (ported.isEmpty()) {
            return Step.pass(new Ported(identified, callee.requestUser(), Optional.empty()));
        }
        String digits = ((Callee.Public) callee).number().digits();
        String requestUser = ported.get().routingPrefix().map(prefix -> prefix + digits).orElse(callee.requestUser());
        return Step.pass(new Ported(identified, requestUser, ported.get().gateway()));
    }

    /**
     * The ported number's gateway, if any, goes first among the gateways that are up (or first
     * among those that are down, if it is down itself).
     */
    private RoutePlan carrierGateways(Ported ported) {
        if (carriers.isEmpty()) {
            return new RoutePlan.Reject(503, "Service Unavailable: no carrier gateway configured",
                    RouteRule.OUTBOUND_CARRIER_GATEWAYS.label());
        }
        List<GatewaySettings> ordered = gatewayOrder.order(carriers, ported.firstGateway());
        List<Destination> destinations = ordered.stream()
                .map(g -> new Destination(g.endpoint().uri(null), "gateway " + g.name()))
                .toList();
        Identified identified = ported.identified();
        FromTrunk from = identified.dialled().from();
        return new RoutePlan.Forward(CallDirection.OUTBOUND, Optional.of(from.customer().id()),
                Optional.of(from.trunk().id()), ported.requestUser(), identified.caller(), destinations,
                RouteRule.OUTBOUND_CARRIER_GATEWAYS.label(), Optional.empty(), identified.events());
    }

    private static <T> Step<T> reject(int status, String reason, RouteRule rule) {
        return Step.decide(new RoutePlan.Reject(status, reason, rule.label()));
    }
}
