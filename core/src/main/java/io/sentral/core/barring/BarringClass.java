package io.sentral.core.barring;

/**
 * Outgoing calls a customer has barred, on request or for non-payment (T8). Emergency calls
 * are never barred.
 */
public enum BarringClass {
    /** Every outgoing call except emergency calls. */
    ALL_OUTGOING,
    /** Calls to numbers outside the caller's country. */
    INTERNATIONAL,
    /** Premium-rate and content numbers. */
    PREMIUM_RATE,
    /** Special and short numbers (other than emergency numbers). */
    SPECIAL_NUMBERS
}
