package io.sentral.core.call;

/** How a call ended, for call records. */
public enum EndCause {
    /** Answered, then the caller hung up. */
    CALLER_HANGUP,
    /** Answered, then the callee hung up. */
    CALLEE_HANGUP,
    /** The caller gave up before an answer (CANCEL). */
    CANCELLED,
    /** Routing or the callee refused it (a final non-2xx response). */
    REJECTED,
    /** No answer from the next hop at all, or an internal fault. */
    FAILED,
    /** The caller was transferred on (S8): the call continues under another call's record. */
    TRANSFERRED
}
