package io.sentral.routing.queue;

/** Why an offered agent did not take a call; the agent is skipped for that call. */
public enum MissReason {
    /** Rang for the whole ring timeout; counts towards autopause. */
    NO_ANSWER,
    /** Answered busy or declined; skipped, but not counted towards autopause. */
    DECLINED
}
