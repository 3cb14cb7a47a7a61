package io.sentral.core.switchboard;

/**
 * What a queue with an overflow target does with a caller nobody can be rung for (S4), a
 * per-queue setting. Without an overflow target the caller always waits (until max wait).
 */
public enum WhenNoAgent {
    /** Keep waiting until an agent becomes available or max wait passes. */
    WAIT,
    /** Overflow at once when no agent is logged into the queue; otherwise wait. */
    OVERFLOW_WHEN_NONE_LOGGED_IN,
    /**
     * Overflow at once when no agent is logged in, or every logged-in agent is absent or paused
     * (like Asterisk's joinempty/leavewhenempty). Agents ringing, busy or in wrap-up still staff
     * the queue, so callers wait for them (until max wait). The demo's rule.
     */
    OVERFLOW_WHEN_NONE_AVAILABLE
}
