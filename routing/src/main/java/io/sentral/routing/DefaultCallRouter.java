package io.sentral.routing;

import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.Country;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.CallRouter;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The call router of the foundation (T3, T4): sends a call from a carrier gateway down the
 * {@link InboundRoute} and a call from a customer trunk down the {@link OutboundRoute}. Pure: it
 * reads the current {@link TenantSnapshot} once per call and the registrar's live contacts, and
 * returns a {@link RoutePlan} whose {@code rule} names the stage that decided ({@link RouteRule}).
 * The SIP edge executes the plan; {@link RouteDecisionLog} explains it in one line.
 */
public final class DefaultCallRouter implements CallRouter {
    private final Supplier<TenantSnapshot> tenants;
    private final InboundRoute inbound;
    private final OutboundRoute outbound;

    /**
     * @param tenants        the current tenant data (replaced as a whole on provisioning changes)
     * @param contacts       the registrar's live contacts; a registration trunk's address of record is
     *                       {@code <digest username>@<sipDomain>}
     * @param gateways       the operator's gateways; carrier ones receive outbound calls by priority
     * @param sipDomain      the SIP domain of this deployment, e.g. {@code sentral.test}
     * @param inboundCountry the dialling plan in which national numbers of inbound calls are read
     *                       (the operator's own country)
     */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain, Country inboundCountry) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(sipDomain, "sipDomain");
        if (sipDomain.isBlank()) {
            throw new IllegalArgumentException("SIP domain is empty");
        }
        this.inbound = new InboundRoute(contacts, sipDomain, inboundCountry);
        this.outbound = new OutboundRoute(List.copyOf(gateways));
    }

    /** A router for a Norwegian operator: national numbers of inbound calls are read in the NO plan. */
    public DefaultCallRouter(Supplier<TenantSnapshot> tenants, ContactDirectory contacts,
                             List<GatewaySettings> gateways, String sipDomain) {
        this(tenants, contacts, gateways, sipDomain, Country.NO);
    }

    @Override
    public RoutePlan route(CallRequest request) {
        Objects.requireNonNull(request, "request");
        TenantSnapshot snapshot = Objects.requireNonNull(tenants.get(), "tenant snapshot");
        return switch (request.origin()) {
            case CallOrigin.Carrier carrier -> inbound.route(request, snapshot);
            case CallOrigin.CustomerTrunk trunk -> outbound.route(request, trunk, snapshot);
        };
    }
}
