package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import java.util.Optional;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One admitted caller inside the engine: its {@link CallerState}, moved only through
 * {@link #moveTo(CallerState)}, which enforces the declared transition table. Mutable and only
 * touched under the engine's lock.
 */
final class QueuedCaller {
    /**
     * Line order (S3): VIPs before everyone else, then by original join (an overflowed-in caller
     * keeps its place in time), then by arrival in this queue.
     */
    static final Comparator<QueuedCaller> LINE_ORDER = Comparator
            .comparing((QueuedCaller c) -> !c.vip)
            .thenComparing(c -> c.originalJoin)
            .thenComparingLong(c -> c.arrival);

    final CallId id;
    final Optional<E164Number> number;
    final QueueName queue;
    final Instant originalJoin;
    /** When the caller entered this queue; the queue's max wait counts from here. */
    final Instant enteredAt;
    final long arrival;
    final List<QueueName> path;
    boolean vip;
    private CallerState state = CallerState.WAITING;
    /** Agents being rung now, in offer order. */
    final Set<UserId> offeredTo = new LinkedHashSet<>();
    Instant ringUntil;
    /** Agents who missed or declined this call; not offered it again in this round. */
    final Set<UserId> skipped = new LinkedHashSet<>();
    UserId agent;
    Instant connectedAt;

    QueuedCaller(Join join, boolean vip, Instant now, long arrival) {
        this.id = join.callId();
        this.number = join.caller();
        this.queue = join.queue();
        this.originalJoin = join.originalJoin().orElse(now);
        this.enteredAt = now;
        this.arrival = arrival;
        this.path = join.path();
        this.vip = vip;
    }

    CallerState state() {
        return state;
    }

    void moveTo(CallerState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("caller " + id + " in queue " + queue + ": no transition "
                    + state + " -> " + next);
        }
        state = next;
    }

    Duration waitedAt(Instant now) {
        return Duration.between(originalJoin, now);
    }
}
