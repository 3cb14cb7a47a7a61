package io.sentral.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.policy.PolicyEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and counts every policy decision (T5-T8) in one place. Labels are bounded: tenant, trunk
 * and the decision's kind, never a number or a Call-ID (ARCHITECTURE "Metrics naming").
 */
final class PolicyEventRecorder implements PolicyEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEventRecorder.class);

    private final MeterRegistry meters;

    PolicyEventRecorder(MeterRegistry meters) {
        this.meters = meters;
        // present at 0 from the start, so that an alert sees the very first emergency call without address
        emergencyCalls(true);
        emergencyCalls(false);
    }

    private Counter emergencyCalls(boolean located) {
        return Counter.builder("sentral.emergency.calls")
                .description("Emergency calls by whether the caller's registered address was attached")
                .tag("location", located ? "found" : "missing").register(meters);
    }

    @Override
    public void onPolicyEvent(String callId, PolicyEvent event) {
        switch (event) {
            case PolicyEvent.CallerIdNotOwned e -> {
                LOG.warn("caller-ID {} presented by {} (trunk {}) is not theirs: {}", e.presented(), e.tenant(),
                        e.trunk(), e.action().label());
                count("sentral.callerid.rejected", e, "action", e.action().label());
            }
            case PolicyEvent.LimitExceeded e -> {
                LOG.warn("trunk {} of {} over its {} limit", e.trunk(), e.tenant(), e.limit().label());
                count("sentral.trunk.limit.hits", e, "limit", e.limit().label());
            }
            case PolicyEvent.CallBarred e -> {
                LOG.info("call from trunk {} of {} barred: {}", e.trunk(), e.tenant(), e.bar());
                count("sentral.calls.barred", e, "bar", e.bar().name().toLowerCase(java.util.Locale.ROOT));
            }
            case PolicyEvent.CostLimitReached e -> {
                LOG.info("call from trunk {} of {} refused: monthly cost limit reached", e.trunk(), e.tenant());
                Counter.builder("sentral.cost.limit.hits").tag("tenant", e.tenant().value())
                        .tag("trunk", e.trunk().value()).register(meters).increment();
            }
            case PolicyEvent.EmergencyCall e ->
                    LOG.info("emergency call {} from trunk {} of {}", e.service(), e.trunk(), e.tenant());
            case PolicyEvent.EmergencyLocation e -> emergencyCalls(e.found()).increment();
        }
    }

    private void count(String name, PolicyEvent event, String key, String value) {
        Counter.builder(name).tag("tenant", event.tenant().value()).tag("trunk", event.trunk().value())
                .tag(key, value).register(meters).increment();
    }
}
