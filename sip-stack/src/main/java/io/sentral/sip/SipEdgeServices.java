package io.sentral.sip;

import io.sentral.core.trace.WireTap;
import io.sentral.core.call.SignallingEvents;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.QueueCalls;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.policy.PolicyEventListener;
import io.sentral.core.route.CallRouter;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.sip.gateway.GatewayStatusBoard;
import io.sentral.sip.registrar.LocationService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the SIP edge needs from the rest of Sentral, wired by {@code app}: current tenant data,
 * the operator's gateways, the router that decides, the registrar's location service, where to
 * publish call events and policy decisions, the emergency address registry, the gateway status
 * board its pings keep up to date (routing reads it), the clock, and the switchboard's decisions
 * and queues (S1-S8), and the taps that see every SIP message (N3: trace on demand, HEP).
 */
public record SipEdgeServices(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways, CallRouter router,
                              LocationService location, CallEventListener events, PolicyEventListener policyEvents,
                              EmergencyAddressStore emergencyAddresses, GatewayStatusBoard gatewayStatus,
                              Clock clock, SwitchboardRouter switchboard, QueueCalls queues,
                              SignallingEvents signalling, List<WireTap> wireTaps) {
    public SipEdgeServices {
        wireTaps = List.copyOf(wireTaps);
        Objects.requireNonNull(signalling, "signalling");
        Objects.requireNonNull(switchboard, "switchboard");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(tenants, "tenants");
        gateways = List.copyOf(gateways);
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(policyEvents, "policyEvents");
        Objects.requireNonNull(emergencyAddresses, "emergencyAddresses");
        Objects.requireNonNull(gatewayStatus, "gatewayStatus");
        Objects.requireNonNull(clock, "clock");
    }

    /** Without wire taps. */
    public SipEdgeServices(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways, CallRouter router,
                           LocationService location, CallEventListener events, PolicyEventListener policyEvents,
                           EmergencyAddressStore emergencyAddresses, GatewayStatusBoard gatewayStatus, Clock clock,
                           SwitchboardRouter switchboard, QueueCalls queues, SignallingEvents signalling) {
        this(tenants, gateways, router, location, events, policyEvents, emergencyAddresses, gatewayStatus, clock,
                switchboard, queues, signalling, List.of());
    }

    /** Without signalling counters. */
    public SipEdgeServices(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways, CallRouter router,
                           LocationService location, CallEventListener events, PolicyEventListener policyEvents,
                           EmergencyAddressStore emergencyAddresses, GatewayStatusBoard gatewayStatus, Clock clock,
                           SwitchboardRouter switchboard, QueueCalls queues) {
        this(tenants, gateways, router, location, events, policyEvents, emergencyAddresses, gatewayStatus, clock,
                switchboard, queues, SignallingEvents.NONE);
    }

    /** Without switchboard customers: nothing is forwarded, offered or transferred, and no queue runs. */
    public SipEdgeServices(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways, CallRouter router,
                           LocationService location, CallEventListener events, PolicyEventListener policyEvents,
                           EmergencyAddressStore emergencyAddresses, GatewayStatusBoard gatewayStatus, Clock clock) {
        this(tenants, gateways, router, location, events, policyEvents, emergencyAddresses, gatewayStatus, clock,
                NoSwitchboard.ROUTER, NoSwitchboard.QUEUES);
    }
}
