package io.sentral.app.switchboard;

import io.sentral.core.switchboard.QueueName;
import io.sentral.routing.queue.RejectReason;

/**
 * The final response a queue ends a caller's call with, when it has nowhere to send the caller
 * (ARCHITECTURE rule 9: outcomes mapped to SIP status codes in one place). The reason phrase
 * names the queue and the reason, for the caller's trace and the call log.
 *
 * <ul>
 *   <li>Queue full without overflow target: {@code 486 Busy Here}, as Asterisk and FreeSWITCH
 *       answer a full queue. Not {@code 600 Busy Everywhere}: the queue is busy now, not the
 *       callee for good, and 600 would stop the network from trying the caller's other
 *       options (forwarding on busy, another fork).</li>
 *   <li>Max wait without overflow target: {@code 480 Temporarily Unavailable} (RFC 3261
 *       §21.4.18: the callee was reached but is not available now). Not {@code 408 Request
 *       Timeout}, which reports a transaction the server could not answer in time and makes
 *       upstream proxies and carriers retry the call on another route.</li>
 *   <li>Overflow back into a queue the caller has already been through (a provisioning
 *       loop): {@code 480}.</li>
 *   <li>The queue is not running here (yet): {@code 480}; a join the engine fails on:
 *       {@code 500}.</li>
 * </ul>
 */
record RejectStatus(int code, String reasonPhrase) {

    static RejectStatus of(QueueName queue, RejectReason reason) {
        return switch (reason) {
            case QUEUE_FULL -> new RejectStatus(486, "Busy Here (queue " + queue + " is full)");
            case TIMED_OUT -> new RejectStatus(480,
                    "Temporarily Unavailable (queue " + queue + ": nobody answered within max wait)");
            case OVERFLOW_LOOP -> new RejectStatus(480,
                    "Temporarily Unavailable (queue " + queue + " overflows to a queue the caller has been through)");
        };
    }

    /** The tenant has no such queue running on this node (provisioning not synced yet, or removed). */
    static RejectStatus notRunning(QueueName queue) {
        return new RejectStatus(480, "Temporarily Unavailable (queue " + queue + " is not running)");
    }

    /** The engine could not take the caller (a bug, or an input it does not support yet). */
    static RejectStatus failed(QueueName queue) {
        return new RejectStatus(500, "Server Internal Error (queue " + queue + " could not take the call)");
    }
}
