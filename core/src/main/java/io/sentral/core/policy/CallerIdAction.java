package io.sentral.core.policy;

/** What happened to a caller-ID the customer does not own (T5); a bounded metric label. */
public enum CallerIdAction {
    /** Refused with 403 (trunk policy reject). */
    REJECTED,
    /** Replaced with the trunk's default number (trunk policy replace). */
    REPLACED,
    /** An emergency call is never refused: the default number is asserted instead (T6). */
    EMERGENCY_REPLACED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
