package io.sentral.routing.queue;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts the engine publishes for call logs (S12), metrics (N1) and the web switchboard (S16).
 * Wait times always count from the caller's original join, across overflows.
 */
public sealed interface QueueEvent {

    Instant at();

    /** A queue event about one caller. */
    sealed interface CallerEvent extends QueueEvent {
        QueueName queue();

        CallId callId();
    }

    record Joined(Instant at, QueueName queue, CallId callId, boolean vip, int position,
                  Optional<QueueName> overflowedFrom) implements CallerEvent {
        public Joined {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(overflowedFrom, "overflowedFrom");
        }
    }

    record Offered(Instant at, QueueName queue, CallId callId, List<UserId> agents) implements CallerEvent {
        public Offered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            agents = List.copyOf(agents);
        }
    }

    /** An offered agent did not take the call and is skipped for it. */
    record Missed(Instant at, QueueName queue, CallId callId, UserId agent, MissReason reason)
            implements CallerEvent {
        public Missed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record Answered(Instant at, QueueName queue, CallId callId, UserId agent, Duration waited)
            implements CallerEvent {
        public Answered {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(waited, "waited");
        }
    }

    record Abandoned(Instant at, QueueName queue, CallId callId, Duration waited) implements CallerEvent {
        public Abandoned {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** The caller left {@code queue} for {@code target}; the call log keeps both names (S4). */
    record Overflowed(Instant at, QueueName queue, CallId callId, OverflowReason reason, CallTarget target,
                      Duration waited) implements CallerEvent {
        public Overflowed {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** The caller waited max wait in a queue without overflow target and was turned away. */
    record TimedOut(Instant at, QueueName queue, CallId callId, Duration waited) implements CallerEvent {
        public TimedOut {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(waited, "waited");
        }
    }

    /** The caller was turned away at the door (full queue without target, overflow loop). */
    record Rejected(Instant at, QueueName queue, CallId callId, RejectReason reason) implements CallerEvent {
        public Rejected {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A connected queue call ended; the agent goes to wrap-up. */
    record Ended(Instant at, QueueName queue, CallId callId, UserId agent, Duration talked) implements CallerEvent {
        public Ended {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(talked, "talked");
        }
    }

    /** An agent's state changed (shared across the agent's queues). */
    record AgentStateChanged(Instant at, UserId agent, AgentState from, AgentState to) implements QueueEvent {
        public AgentStateChanged {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
