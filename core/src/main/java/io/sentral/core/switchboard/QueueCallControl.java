package io.sentral.core.switchboard;

import java.time.Instant;
import java.util.List;

/**
 * Port, queues → edge: what the queue engine decided for a caller (routing decides, the edge
 * executes). Calls come in the order they must be executed (cancels before new offers).
 */
public interface QueueCallControl {

    /** Admitted: answer {@code 182 Queued} and hold the caller unanswered. */
    void queued(String callId, QueueName queue, int position);

    /** Ring these agents (all devices of each) for the caller. */
    void offer(String callId, QueueName queue, List<UserId> agents);

    /** Stop ringing the agent for the caller (CANCEL the agent's legs). */
    void cancelOffer(String callId, UserId agent);

    /** The agent answered first: bridge the caller to the agent's answering leg, cancel the rest. */
    void connect(String callId, UserId agent);

    /**
     * Send the caller on to the queue's overflow target; a queue target is joined again with
     * {@code originalJoin} and {@code path} (the queues so far, ending with {@code from}).
     */
    void overflow(String callId, QueueName from, CallTarget target, Instant originalJoin, List<QueueName> path);

    /** End the caller's call with this status (queue full without overflow, max wait without overflow). */
    void reject(String callId, QueueName queue, int status, String reason);
}
