package io.sentral.core.tenant;

/** What to do with an outgoing call presenting a number the customer does not own (T5). */
public enum CallerIdPolicy {
    /** Refuse the call with 403. */
    REJECT,
    /** Replace the presented number with the trunk's default number. */
    REPLACE
}
