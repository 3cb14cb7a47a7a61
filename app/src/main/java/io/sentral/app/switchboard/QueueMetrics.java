package io.sentral.app.switchboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.AgentState;
import io.sentral.routing.queue.QueueBoard;
import io.sentral.routing.queue.QueueEvent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue board as Prometheus metrics (S14, N1; names from ARCHITECTURE.md), labelled by tenant
 * and queue only (bounded: never a caller, agent or Call-ID):
 * <ul>
 *   <li>{@code sentral_queue_calls_total{outcome=answered|abandoned|overflowed|timeout}} and the
 *       wait-time histogram {@code sentral_queue_wait_seconds} with service-level buckets 10, 20,
 *       30, 60 and 120 s, counted from the engine's events;</li>
 *   <li>{@code sentral_queue_talk_seconds}, talk time of answered queue calls;</li>
 *   <li>{@code sentral_queue_callers_waiting}, {@code sentral_queue_longest_wait_seconds} and
 *       {@code sentral_queue_agents{state}}, read from the latest boards ({@link #refresh}).</li>
 * </ul>
 */
public final class QueueMetrics implements QueueEventSink {
    private static final Duration[] SERVICE_LEVELS = {Duration.ofSeconds(10), Duration.ofSeconds(20),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private final MeterRegistry registry;
    private final Map<Key, QueueBoard> boards = new ConcurrentHashMap<>();

    private record Key(TenantId tenant, QueueName queue) {
        Tags tags() {
            return Tags.of("tenant", tenant.value(), "queue", queue.value());
        }
    }

    public QueueMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onQueueEvent(TenantId tenant, QueueEvent event) {
        switch (event) {
            case QueueEvent.Answered a -> outcome(tenant, a.queue(), "answered", Optional.of(a.waited()));
            case QueueEvent.Abandoned a -> outcome(tenant, a.queue(), "abandoned", Optional.of(a.waited()));
            case QueueEvent.Overflowed o -> outcome(tenant, o.queue(), "overflowed", Optional.empty());
            case QueueEvent.TimedOut t -> outcome(tenant, t.queue(), "timeout", Optional.of(t.waited()));
            case QueueEvent.Ended e -> Timer.builder("sentral.queue.talk")
                    .description("talk time of answered queue calls").tags(new Key(tenant, e.queue()).tags())
                    .register(registry).record(e.talked());
            default -> {
            }
        }
    }

    private void outcome(TenantId tenant, QueueName queue, String outcome, Optional<Duration> waited) {
        Key key = new Key(tenant, queue);
        Counter.builder("sentral.queue.calls").description("queue calls by outcome")
                .tags(key.tags()).tag("outcome", outcome).register(registry).increment();
        waited.ifPresent(w -> Timer.builder("sentral.queue.wait")
                .description("how long callers waited before being answered, abandoning or timing out")
                .tags(key.tags()).serviceLevelObjectives(SERVICE_LEVELS).register(registry).record(w));
    }

    /** The latest boards of every tenant's queues; gauges of a queue seen first here are registered now. */
    public void refresh(Map<TenantId, List<QueueBoard>> latest) {
        latest.forEach((tenant, list) -> list.forEach(board -> {
            Key key = new Key(tenant, board.queue());
            if (boards.put(key, board) == null) {
                register(key);
            }
        }));
    }

    private void register(Key key) {
        Gauge.builder("sentral.queue.callers.waiting", boards, b -> b.get(key).callersWaiting())
                .description("callers waiting in the queue now").tags(key.tags()).register(registry);
        Gauge.builder("sentral.queue.longest.wait", boards, b -> b.get(key).longestWait().toMillis() / 1000.0)
                .description("the longest current wait in the queue").baseUnit("seconds").tags(key.tags())
                .register(registry);
        for (AgentState state : AgentState.values()) {
            Gauge.builder("sentral.queue.agents", boards,
                            b -> b.get(key).agentsByState().getOrDefault(state, 0))
                    .description("members of the queue by agent state").tags(key.tags())
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }
}
