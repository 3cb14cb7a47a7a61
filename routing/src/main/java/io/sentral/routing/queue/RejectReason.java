package io.sentral.routing.queue;

/** Why the engine ends a caller's call itself (no overflow target to send it to); a metric label. */
public enum RejectReason {
    /** The queue is full and has no overflow target (the edge answers 486 or 480). */
    QUEUE_FULL,
    /** The caller waited max wait and the queue has no overflow target (the edge answers 480). */
    TIMED_OUT,
    /** The overflow target is a queue the caller has already been through (the edge answers 480). */
    OVERFLOW_LOOP
}
