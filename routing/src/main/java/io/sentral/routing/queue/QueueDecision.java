package io.sentral.routing.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer to one input: what the edge must do, what happened, and when the engine
 * next wants {@link QueueEngine#tick()} called (the earliest ring timeout, max wait or end of
 * wrap-up of any queue of the engine; empty = nothing pending). A later decision's wake-up time
 * replaces the earlier one.
 */
public record QueueDecision(List<QueueAction> actions, List<QueueEvent> events, Optional<Instant> wakeUpAt) {
    public QueueDecision {
        actions = List.copyOf(actions);
        events = List.copyOf(events);
        Objects.requireNonNull(wakeUpAt, "wakeUpAt");
    }

    /** The actions of one type, in order; handy for the edge's dispatch and for tests. */
    public <A extends QueueAction> List<A> actions(Class<A> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The events of one type, in order. */
    public <E extends QueueEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
