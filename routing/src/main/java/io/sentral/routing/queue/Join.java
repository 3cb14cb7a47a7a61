package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.QueueName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller arriving at a queue: a fresh call to the queue's number, or one overflowed in from
 * another queue (S4), which keeps its original join time so its reported wait and its place in
 * line count from when it first joined.
 *
 * @param originalJoin when the caller first joined a queue; empty = now (a fresh call)
 * @param path         the queues the caller has already been through, oldest first
 */
public record Join(CallId callId, Optional<E164Number> caller, QueueName queue, Optional<Instant> originalJoin,
                   List<QueueName> path) {
    public Join {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(originalJoin, "originalJoin");
        path = List.copyOf(path);
        if (path.contains(queue)) {
            throw new IllegalArgumentException("caller " + callId + " has already been through queue " + queue);
        }
    }

    /** A call to the queue's number. */
    public static Join fresh(CallId callId, E164Number caller, QueueName queue) {
        return fresh(callId, Optional.of(caller), queue);
    }

    /** A call to the queue's number; an anonymous caller has no number (and is never a VIP). */
    public static Join fresh(CallId callId, Optional<E164Number> caller, QueueName queue) {
        return new Join(callId, caller, queue, Optional.empty(), List.of());
    }

    /** A caller overflowed in from the last queue of {@code path}. */
    public static Join overflowedIn(CallId callId, Optional<E164Number> caller, QueueName queue, Instant originalJoin,
                                    List<QueueName> path) {
        return new Join(callId, caller, queue, Optional.of(originalJoin), path);
    }

    /** The queue the caller overflowed from, if any. */
    public Optional<QueueName> overflowedFrom() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.getLast());
    }
}
