package io.sentral.routing.queue;

import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One queue's live line and its counters inside the engine. Mutable, touched only under the
 * engine's lock.
 */
final class LiveQueue {
    final QueueSettings settings;
    private final List<QueuedCaller> line = new ArrayList<>();
    /** The agent last offered a call, for round-robin. */
    UserId lastOffered;
    private final Map<UserId, Long> answeredBy = new HashMap<>();
    long answered;
    long abandoned;
    long timedOut;
    long rejected;
    final Map<OverflowReason, Long> overflowed = new EnumMap<>(OverflowReason.class);

    LiveQueue(QueueSettings settings) {
        this.settings = settings;
    }

    QueueName name() {
        return settings.name();
    }

    List<UserId> members() {
        return settings.queue().members();
    }

    /** Callers in line order (VIPs first). */
    List<QueuedCaller> inLine() {
        List<QueuedCaller> sorted = new ArrayList<>(line);
        sorted.sort(QueuedCaller.LINE_ORDER);
        return sorted;
    }

    int size() {
        return line.size();
    }

    void add(QueuedCaller caller) {
        line.add(caller);
    }

    void remove(QueuedCaller caller) {
        line.remove(caller);
    }

    int positionOf(QueuedCaller caller) {
        return inLine().indexOf(caller) + 1;
    }

    boolean isFull() {
        return settings.queue().maxWaiting() > 0 && line.size() >= settings.queue().maxWaiting();
    }

    /** When the caller's max wait in this queue ends; empty when max wait is zero (no limit). */
    Optional<Instant> maxWaitEnd(QueuedCaller caller) {
        Duration maxWait = settings.queue().maxWait();
        return maxWait.isZero() ? Optional.empty() : Optional.of(caller.enteredAt.plus(maxWait));
    }

    long answeredBy(UserId agent) {
        return answeredBy.getOrDefault(agent, 0L);
    }

    void countAnswer(UserId agent) {
        answered++;
        answeredBy.merge(agent, 1L, Long::sum);
    }

    void countOverflow(OverflowReason reason) {
        overflowed.merge(reason, 1L, Long::sum);
    }

    QueueBoard board(Map<UserId, Agent> agents, Instant now) {
        List<QueueBoard.WaitingCaller> waiting = inLine().stream()
                .map(c -> new QueueBoard.WaitingCaller(c.id, c.number, c.vip, c.state(), c.waitedAt(now)))
                .toList();
        Duration longest = waiting.stream().map(QueueBoard.WaitingCaller::waited)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        Map<UserId, AgentState> states = new LinkedHashMap<>();
        members().forEach(m -> states.put(m, agents.get(m).stateIn(name())));
        return new QueueBoard(name(), waiting, longest, states, answered, abandoned, overflowed, timedOut, rejected);
    }
}
