package io.sentral.routing.queue;

/** Why an offer to an agent is withdrawn; the edge maps it to the CANCEL's Reason header. */
public enum CancelReason {
    /** Another agent answered (ring-all): {@code Reason: SIP;cause=200;text="Call completed elsewhere"}. */
    ANSWERED_ELSEWHERE,
    /** The agent did not answer within the queue's ring timeout. */
    RING_TIMEOUT,
    /** The caller hung up. */
    CALLER_LEFT,
    /** The caller left the queue for its overflow target or timed out. */
    CALLER_MOVED,
    /** The agent logged out, was marked absent or took another call while being rung. */
    AGENT_UNAVAILABLE
}
