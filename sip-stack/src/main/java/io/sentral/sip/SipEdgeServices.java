package io.sentral.sip;

import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.route.CallRouter;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.sip.registrar.LocationService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the SIP edge needs from the rest of Sentral, wired by {@code app}: current tenant data,
 * the operator's gateways, the router that decides, the registrar's location service, where to
 * publish call events and the clock.
 */
public record SipEdgeServices(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways, CallRouter router,
                              LocationService location, CallEventListener events, Clock clock) {
    public SipEdgeServices {
        Objects.requireNonNull(tenants, "tenants");
        gateways = List.copyOf(gateways);
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
    }
}
