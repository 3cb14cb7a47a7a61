package io.sentral.routing;

import io.sentral.core.call.Diversion;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.UserId;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.Country;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.CallRouter;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.List;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The call router (T3-T9, S1-S9): sends a call from a carrier gateway down the {@link InboundRoute}
 * (switchboard numbers to {@link SwitchboardRoutes}), a call from a customer trunk down the
 * {@link OutboundRoute} and a call from a switchboard user's device down the {@link UserOriginRoute};
 * as the {@link SwitchboardRouter} it decides forwarding, overflow, queue offers and transfers. Pure of I/O: it reads the current
 * {@link TenantSnapshot} once per call, the registrar's live contacts and the in-memory ports of
 * {@link RoutingServices}, and returns a {@link RoutePlan} whose {@code rule} names the stage that
 * decided ({@link RouteRule}) and whose {@code events} carry the policy decisions taken on the way.
 * The SIP edge executes the plan; {@link RouteDecisionLog} explains it in one line.
 *
 * <p>The only state is the trunks' live capacity ({@link #capacity()}), which the app must
 * register as a call-event listener so that ended calls give their channels back.
 */
public final class DefaultCallRouter implements CallRouter, SwitchboardRouter {
    private final Supplier<TenantSnapshot> tenants;
    private final TrunkCapacity capacity;
    private final InboundRoute inbound;
    private final OutboundRoute outbound;
    private final SwitchboardRoutes switchboard;
    private final UserOriginRoute users;

    /**
     * @param tenants        the current tenant data (replaced as a whole on provisioning changes)
     * @param contacts       the registrar's live contacts; a registration trunk's address of record is
     *                       {@code <digest username>@<sipDomain>}
     * @param gateways       the operator's gateways: carrier ones receive outbound calls by priority and
     *                       weight, emergency ones emergency calls of the countries they serve
     * @param sipDomain      the SIP domain of this deployment, e.g. {@code sentral.test}
     * @param inboundCountry the dialling plan in which national numbers of inbound calls are read
     *                       (the operator's own country)
     * @param services       number plan, capacity, spend, gateway health, clock and randomness
     */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain, Country inboundCountry,
                             RoutingServices services) {
        this(tenants, contacts, gateways, sipDomain, inboundCountry, services, AbsenceBook.NONE);
    }

    /**
     * As above, with switchboard users' absences (S6): absent users' direct calls follow the absence
     * forwarding.
     */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain, Country inboundCountry,
                             RoutingServices services, AbsenceBook absences) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(sipDomain, "sipDomain");
        if (sipDomain.isBlank()) {
            throw new IllegalArgumentException("SIP domain is empty");
        }
        Objects.requireNonNull(services, "services");
        this.capacity = services.capacity();
        this.switchboard = new SwitchboardRoutes(tenants, contacts, List.copyOf(gateways),
                new GatewayOrder(services.health(), services.random()), sipDomain, absences,
                new OnwardPolicy(services.numberPlan(), services.spend()), services.clock());
        this.inbound = new InboundRoute(contacts, sipDomain, inboundCountry, services.clock(), switchboard);
        this.outbound = new OutboundRoute(List.copyOf(gateways), services);
        this.users = new UserOriginRoute(switchboard, outbound);
    }

    /**
     * A router with {@link RoutingServices#withoutLimits()}: every trunk policy applies except the
     * capacity limits (T7), which need the call events the full constructor's caller wires.
     */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain, Country inboundCountry) {
        this(tenants, contacts, gateways, sipDomain, inboundCountry, RoutingServices.withoutLimits());
    }

    /** As above, for a Norwegian operator: national numbers of inbound calls are read in the NO plan. */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain) {
        this(tenants, contacts, gateways, sipDomain, Country.NO);
    }

    /** The trunks' live channel counts: register it as a {@code CallEventListener}, read it for metrics. */
    public TrunkCapacity capacity() {
        return capacity;
    }

    @Override
    public boolean isEmergency(String dialled) {
        return Arrays.stream(Country.values())
                .anyMatch(country -> EmergencyNumbers.recognise(dialled, country).isPresent());
    }

    @Override
    public RoutePlan route(CallRequest request) {
        Objects.requireNonNull(request, "request");
        TenantSnapshot snapshot = Objects.requireNonNull(tenants.get(), "tenant snapshot");
        capacity.routing(request.callId());
        return switch (request.origin()) {
            case CallOrigin.Carrier carrier -> inbound.route(request, snapshot);
            case CallOrigin.CustomerTrunk trunk -> outbound.route(request, trunk, snapshot);
            case CallOrigin.SwitchboardUser user -> users.route(request, user, snapshot);
        };
    }

    @Override
    public RoutePlan divert(RedirectedCall call, UserId user, Forwarding.DivertCondition condition) {
        return switchboard.divert(call, user, condition);
    }

    @Override
    public RoutePlan redirect(RedirectedCall call, CallTarget target, Diversion diversion) {
        return switchboard.redirect(call, target, diversion);
    }

    @Override
    public RoutePlan offer(RedirectedCall call, UserId agent) {
        return switchboard.offer(call, agent);
    }

    @Override
    public RoutePlan transfer(RedirectedCall call, UserId by, String dialled) {
        return switchboard.transfer(call, by, dialled);
    }
}
