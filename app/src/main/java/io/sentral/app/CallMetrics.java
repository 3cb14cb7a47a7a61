package io.sentral.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.call.EndCause;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls and trunks as Prometheus metrics (N1), from the call events the SIP edge publishes:
 * {@code sentral_trunk_calls_total{tenant,trunk,direction,outcome}} (outcome class answered,
 * rejected, failed, cancelled), {@code sentral_trunk_active_calls{tenant,trunk}} and the setup-time
 * histogram {@code sentral_call_setup_seconds{direction}}; and, read from the registrar at scrape
 * time, {@code sentral_trunk_registered} (0/1) and {@code sentral_trunk_contacts} per registration
 * trunk. Switchboard calls count under the trunk label {@code -}. Labels never carry a number,
 * Call-ID or address.
 */
final class CallMetrics implements CallEventListener {
    /** Answer-time buckets: ringing is human time, seconds to half a minute. */
    private static final Duration[] SETUP_LEVELS = {Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30)};

    private static final String NO_TRUNK = "-";

    private final MeterRegistry registry;
    private final Map<String, Started> calls = new ConcurrentHashMap<>();
    private final Map<Tags, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Set<String> trunksWithGauges = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> coverage = new ConcurrentHashMap<>();

    private record Started(Tags trunk, String direction, Instant at) {
    }

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event) {
            case CallEvent.Started s -> {
                Tags trunk = Tags.of("tenant", s.tenant().map(Object::toString).orElse(NO_TRUNK),
                        "trunk", s.trunk().map(Object::toString).orElse(NO_TRUNK));
                String direction = s.direction().name().toLowerCase(Locale.ROOT);
                calls.put(s.callId(), new Started(trunk, direction, s.at()));
                activeCalls(trunk).incrementAndGet();
            }
            case CallEvent.Answered a -> {
                Started s = calls.get(a.callId());
                if (s != null) {
                    Timer.builder("sentral.call.setup").description("from INVITE to answer")
                            .tag("direction", s.direction()).serviceLevelObjectives(SETUP_LEVELS).register(registry)
                            .record(Duration.between(s.at(), a.at()));
                }
            }
            case CallEvent.Ended e -> {
                Started s = calls.remove(e.callId());
                if (s != null) {
                    activeCalls(s.trunk()).decrementAndGet();
                    Counter.builder("sentral.trunk.calls").description("calls by direction and outcome class")
                            .tags(s.trunk()).tag("direction", s.direction()).tag("outcome", outcome(e))
                            .register(registry).increment();
                }
            }
            case CallEvent.Transferred t -> {
            }
        }
    }

    private static String outcome(CallEvent.Ended e) {
        if (e.cause() == EndCause.CANCELLED) {
            return "cancelled";
        }
        if (e.status() >= 200 && e.status() < 300) {
            return "answered";
        }
        return e.cause() == EndCause.FAILED || e.status() >= 500 ? "failed" : "rejected";
    }

    private AtomicInteger activeCalls(Tags trunk) {
        return active.computeIfAbsent(trunk, t -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("sentral.trunk.active.calls", count, AtomicInteger::get)
                    .description("calls in progress").tags(t).register(registry);
            return count;
        });
    }

    /**
     * {@code sentral_emergency_numbers_without_address{tenant}}: numbers from which an emergency call
     * would go out without a location (T6), per customer, as last provisioned.
     */
    void watchEmergencyCoverage(TenantSnapshot snapshot) {
        for (io.sentral.core.tenant.Customer customer : snapshot.customers()) {
            long uncovered = snapshot.provisioning(customer.id())
                    .map(CustomerProvisioning::numbersWithoutEmergencyAddress).orElse(0L);
            coverage.computeIfAbsent(customer.id().value(), tenant -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("sentral.emergency.numbers.without.address", value, AtomicLong::get)
                        .description("customer numbers without a registered emergency address").tag("tenant", tenant)
                        .register(registry);
                return value;
            }).set(uncovered);
        }
    }

    /** Registers the registration gauges of trunks not seen yet (call again after provisioning changes). */
    void watchTrunks(TenantSnapshot snapshot, ContactDirectory contacts, String sipDomain) {
        for (Trunk trunk : snapshot.trunks()) {
            if (trunk.kind() != TrunkKind.REGISTRATION || !trunksWithGauges.add(trunk.id().value())) {
                continue;
            }
            String aor = trunk.credentials().orElseThrow().username() + "@" + sipDomain;
            Tags tags = Tags.of("tenant", trunk.tenant().value(), "trunk", trunk.id().value());
            Gauge.builder("sentral.trunk.contacts", contacts, c -> c.contactsOf(aor).size())
                    .description("registered contacts of the trunk").tags(tags).register(registry);
            Gauge.builder("sentral.trunk.registered", contacts, c -> c.contactsOf(aor).isEmpty() ? 0 : 1)
                    .description("1 while the trunk has a registered contact").tags(tags).register(registry);
        }
    }
}
