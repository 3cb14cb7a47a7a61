package io.sentral.core.switchboard;

/** How a queue picks the agent(s) to ring for the caller at its head (S2). */
public enum QueueStrategy {
    /** Ring every available agent at once; the first to answer takes the call. */
    RING_ALL,
    /** Ring one agent at a time, continuing after the agent who got the previous call. */
    ROUND_ROBIN,
    /** Ring the agent who has been idle longest. */
    LONGEST_IDLE,
    /** Ring the agent who has answered fewest calls. */
    FEWEST_CALLS,
    /** Ring agents one at a time in the configured member order, always from the first. */
    SERIAL
}
