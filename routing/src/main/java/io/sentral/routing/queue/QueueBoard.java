package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import java.util.Optional;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The queue board of one queue (S14) at one instant: what the web board shows and what the
 * {@code sentral_queue_*} gauges and counters read. Counts are since the engine started.
 *
 * @param waiting   callers in line order (VIPs first), with their wait from the original join
 * @param agents    every member's state as seen from this queue (not logged in here = LOGGED_OUT)
 * @param overflowed overflows by reason
 */
public record QueueBoard(QueueName queue, List<WaitingCaller> waiting, Duration longestWait,
                         Map<UserId, AgentState> agents, long answered, long abandoned,
                         Map<OverflowReason, Long> overflowed, long timedOut, long rejected) {
    public QueueBoard {
        Objects.requireNonNull(queue, "queue");
        waiting = List.copyOf(waiting);
        Objects.requireNonNull(longestWait, "longestWait");
        agents = Map.copyOf(agents);
        overflowed = Map.copyOf(overflowed);
    }

    /** One caller in line. */
    public record WaitingCaller(CallId callId, Optional<E164Number> caller, boolean vip, CallerState state, Duration waited) {
        public WaitingCaller {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(waited, "waited");
        }
    }

    public int callersWaiting() {
        return waiting.size();
    }

    /** Members per state, every state present (zero when none): the {@code state} label values. */
    public Map<AgentState, Integer> agentsByState() {
        Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
        for (AgentState s : AgentState.values()) {
            counts.put(s, 0);
        }
        agents.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    public long overflowedTotal() {
        return overflowed.values().stream().mapToLong(Long::longValue).sum();
    }
}
