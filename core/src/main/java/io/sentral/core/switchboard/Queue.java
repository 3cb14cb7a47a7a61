package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer group (S2): calls to its function {@code number} wait until one of its
 * {@code members} answers, rung according to {@code strategy}.
 *
 * @param members     agents in configured order (the order matters for {@link QueueStrategy#SERIAL})
 * @param ringTimeout how long one agent is rung before the next attempt
 * @param wrapUp      pause after a queue call before the agent is offered the next one
 * @param maxWait     how long a caller waits before overflowing
 * @param maxWaiting  callers that may wait at once (0 = no limit); one more overflows at once
 * @param overflow    where callers go on max wait, full queue or no available agent; empty = a caller
 *                    is timed out at max wait, refused when the queue is full, and waits while no
 *                    agent is available
 * @param whenNoAgent with an overflow target: overflow at once or wait when nobody can be rung
 * @param autopauseAfterMisses consecutive unanswered offers after which an agent is paused until
 *                    made available again; 0 = never (like Asterisk's autopause)
 */
public record Queue(TenantId tenant, QueueName name, E164Number number, List<UserId> members,
                    QueueStrategy strategy, Duration ringTimeout, Duration wrapUp, Duration maxWait,
                    int maxWaiting, Optional<CallTarget> overflow, WhenNoAgent whenNoAgent,
                    int autopauseAfterMisses) {

    /** The demo's rule (DEMO.md): overflow at once when nobody is available, no autopause. */
    public Queue(TenantId tenant, QueueName name, E164Number number, List<UserId> members, QueueStrategy strategy,
                 Duration ringTimeout, Duration wrapUp, Duration maxWait, int maxWaiting,
                 Optional<CallTarget> overflow) {
        this(tenant, name, number, members, strategy, ringTimeout, wrapUp, maxWait, maxWaiting, overflow,
                WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE, 0);
    }

    public Queue {
        Objects.requireNonNull(whenNoAgent, "whenNoAgent");
        if (autopauseAfterMisses < 0) {
            throw new IllegalArgumentException("queue " + name
                    + " autopause after misses must not be negative (0 = never): " + autopauseAfterMisses);
        }
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        members = List.copyOf(members);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(overflow, "overflow");
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("queue " + name + " lists a member twice: " + members);
        }
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("queue " + name + " ring timeout must be positive: " + ringTimeout);
        }
        if (wrapUp.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("queue " + name + " wrap-up and max wait must not be negative");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("queue " + name + " max waiting must not be negative (0 = no limit)");
        }
        if (overflow.orElse(null) instanceof CallTarget.ToQueue q && q.queue().equals(name)) {
            throw new IllegalArgumentException("queue " + name + " overflows to itself");
        }
    }
}
