package io.sentral.routing.queue;

import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One agent's facts inside the engine, shared by every queue the agent belongs to. Mutable and
 * only touched under the engine's lock; {@link #state()} derives the {@link AgentState} from the
 * facts so the two cannot drift apart.
 */
final class Agent {
    final UserId id;
    final Set<QueueName> loggedInto = new LinkedHashSet<>();
    /** The queued call this agent is being rung for; null when not ringing. */
    CallId ringingFor;
    /** The connected queue call and its queue; null when not on a queue call. */
    CallId onQueueCall;
    QueueName queueCallFrom;
    /** Direct (non-queue) calls the agent is on; wrap-up does not follow them (DEMO.md). */
    int otherCalls;
    /** End of the current wrap-up; null when not in wrap-up. */
    Instant wrapUpUntil;
    boolean absent;
    boolean paused;
    /** Consecutive offers not answered, for autopause; reset on answer and when made available. */
    int misses;
    /** Since when the agent has been free (end of wrap-up or of a direct call, or login). */
    Instant idleSince;

    Agent(UserId id, Instant idleSince) {
        this.id = id;
        this.idleSince = idleSince;
    }

    AgentState state() {
        if (ringingFor != null) {
            return AgentState.RINGING;
        }
        if (onQueueCall != null || otherCalls > 0) {
            return AgentState.BUSY;
        }
        if (wrapUpUntil != null) {
            return AgentState.WRAP_UP;
        }
        if (loggedInto.isEmpty()) {
            return AgentState.LOGGED_OUT;
        }
        if (absent) {
            return AgentState.ABSENT;
        }
        return paused ? AgentState.PAUSED : AgentState.AVAILABLE;
    }

    /** The state as the board of {@code queue} shows it: LOGGED_OUT unless logged in there. */
    AgentState stateIn(QueueName queue) {
        return loggedInto.contains(queue) ? state() : AgentState.LOGGED_OUT;
    }

    /** Whether a caller of {@code queue} may be offered to this agent now. */
    boolean availableFor(QueueName queue) {
        return loggedInto.contains(queue) && state() == AgentState.AVAILABLE;
    }

    Optional<Instant> wrapUpEnd() {
        return Optional.ofNullable(wrapUpUntil);
    }
}
