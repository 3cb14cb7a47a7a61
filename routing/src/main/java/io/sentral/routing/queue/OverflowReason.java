package io.sentral.routing.queue;

/** Why a caller left a queue for its overflow target (S4); a bounded metric label. */
public enum OverflowReason {
    /** The caller waited the queue's max wait. */
    MAX_WAIT,
    /** The queue already held its max waiting callers when the caller arrived. */
    QUEUE_FULL,
    /** No agent was logged into the queue (settings: overflow when none logged in or available). */
    NO_AGENTS_LOGGED_IN,
    /** Every logged-in agent was absent or paused (settings: overflow when none available). */
    NO_AGENTS_AVAILABLE
}
