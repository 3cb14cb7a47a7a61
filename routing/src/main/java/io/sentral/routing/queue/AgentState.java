package io.sentral.routing.queue;

/**
 * What an agent is doing (S5), shared by all queues the agent is logged into: an agent ringing
 * or busy for one queue is not offered a call of another.
 *
 * <p>The state is derived from a few facts rather than stored, so it can never disagree with
 * them. In order of precedence: ringing for a queued call; on a call (queue or direct); in
 * wrap-up after a queue call; logged into no queue; marked absent (S6); paused after missing
 * too many offers (autopause); otherwise available.
 */
public enum AgentState {
    LOGGED_OUT,
    AVAILABLE,
    RINGING,
    BUSY,
    WRAP_UP,
    ABSENT,
    PAUSED;

    /** The directory status of S5/S10: free, busy or absent. */
    public String directoryStatus() {
        return switch (this) {
            case AVAILABLE, WRAP_UP, LOGGED_OUT, PAUSED -> "free";
            case RINGING, BUSY -> "busy";
            case ABSENT -> "absent";
        };
    }
}
