package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine tells the SIP edge to do (routing decides, the edge executes). Actions come in
 * the order the edge should execute them: cancels before new offers, offers in picking order.
 */
public sealed interface QueueAction {

    CallId callId();

    /** The caller was admitted: answer {@code 182 Queued} and hold the call unanswered. */
    record Queued(CallId callId, QueueName queue, int position) implements QueueAction {
        public Queued {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
            if (position < 1) {
                throw new IllegalArgumentException("position starts at 1: " + position);
            }
        }
    }

    /**
     * Ring these agents (all of the user's devices each) for the caller; ring-all lists every
     * available agent, other strategies one. The engine withdraws the offer itself at
     * {@code ringUntil} (on {@link QueueEngine#tick()}); the edge needs no timer of its own.
     */
    record Offer(CallId callId, QueueName queue, Optional<E164Number> caller, List<UserId> agents,
                 Instant ringUntil) implements QueueAction {
        public Offer {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(caller, "caller");
            agents = List.copyOf(agents);
            Objects.requireNonNull(ringUntil, "ringUntil");
            if (agents.isEmpty()) {
                throw new IllegalArgumentException("an offer rings at least one agent");
            }
        }
    }

    /** Stop ringing this agent for the caller (CANCEL the agent's legs). */
    record CancelOffer(CallId callId, UserId agent, CancelReason reason)
            implements QueueAction {
        public CancelOffer {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The agent answered: answer the caller and bridge it to the agent's answering leg. */
    record Connect(CallId callId, UserId agent) implements QueueAction {
        public Connect {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
        }
    }

    /**
     * Send the caller to the queue's overflow target. For a {@link CallTarget.ToQueue} target
     * the edge calls {@link QueueEngine#join(Join)} with {@link #joinNext(E164Number)}, which keeps the
     * original join time and the queues the caller has been through.
     *
     * @param path the queues the caller has been through, oldest first, ending with {@code from}
     */
    record Overflow(CallId callId, QueueName from, CallTarget target, OverflowReason reason,
                    Instant originalJoin, List<QueueName> path) implements QueueAction {
        public Overflow {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(originalJoin, "originalJoin");
            path = List.copyOf(path);
        }

        /** The join into the target queue, if the target is a queue. */
        public Optional<Join> joinNext(E164Number caller) {
            return joinNext(Optional.of(caller));
        }

        /** As above, for a caller who may be anonymous. */
        public Optional<Join> joinNext(Optional<E164Number> caller) {
            return target instanceof CallTarget.ToQueue q
                    ? Optional.of(Join.overflowedIn(callId, caller, q.queue(), originalJoin, path))
                    : Optional.empty();
        }
    }

    /** End the caller's call (no overflow target): the edge picks the status code per reason. */
    record Reject(CallId callId, QueueName queue, RejectReason reason) implements QueueAction {
        public Reject {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
