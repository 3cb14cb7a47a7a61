package io.sentral.routing;

import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.Country;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A router over the demo tenants with every policy port in the test's hands: the clock, live
 * capacity, what customers have spent, which gateways are down and a seeded random generator.
 * Fields are read on every call, so a test may change them between calls.
 */
final class RoutingFixture {
    static final Instant START = Instant.parse("2030-03-01T12:00:00Z");
    static final CallOrigin FROM_ACME = new CallOrigin.CustomerTrunk(DemoTenants.ACME, DemoTenants.ACME_PBX);
    static final CallOrigin FROM_SVEA = new CallOrigin.CustomerTrunk(DemoTenants.SVEA, DemoTenants.SVEA_PBX);
    static final CallOrigin FROM_CARRIER = new CallOrigin.Carrier("carrier-1");

    final MutableClock clock = new MutableClock(START);
    final TrunkCapacity capacity = new TrunkCapacity(clock);
    final Map<TenantId, BigDecimal> spent = new HashMap<>();
    final Set<String> down = new HashSet<>();
    TenantSnapshot tenants = DemoTenants.snapshot();
    NumberPlan numberPlan = NumberPlan.nordicDefaults();
    private int calls;

    DefaultCallRouter router() {
        return router(DemoTenants.gateways());
    }

    DefaultCallRouter router(List<GatewaySettings> gateways) {
        return router(gateways, new Random(42));
    }

    DefaultCallRouter router(List<GatewaySettings> gateways, Random random) {
        RoutingServices services = new RoutingServices(numberPlan, capacity,
                tenant -> spent.getOrDefault(tenant, BigDecimal.ZERO), gateway -> !down.contains(gateway), clock,
                random);
        return new DefaultCallRouter(() -> tenants, aor -> List.of(), gateways, DemoTenants.DOMAIN, Country.NO,
                services);
    }

    /** A new call with its own Call-ID. */
    CallRequest call(CallOrigin origin, String to, String from) {
        return CallRequest.simple(nextCallId(), origin, to, from);
    }

    CallRequest call(CallOrigin origin, String to, String from, Optional<String> pai, Optional<String> ppi,
                     Optional<String> privacy) {
        return new CallRequest(nextCallId(), origin, to, from, pai, ppi, privacy);
    }

    String nextCallId() {
        return "call-" + (++calls) + "@127.0.0.1";
    }

    static RoutePlan.Forward forward(RoutePlan plan) {
        if (plan instanceof RoutePlan.Forward forward) {
            return forward;
        }
        throw new AssertionError("expected a forward, got " + plan);
    }

    static RoutePlan.Reject reject(RoutePlan plan) {
        if (plan instanceof RoutePlan.Reject reject) {
            return reject;
        }
        throw new AssertionError("expected a reject, got " + plan);
    }
}
