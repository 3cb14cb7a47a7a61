package io.sentral.routing;

/**
 * What kind of number a call goes to, as far as barring and cost control care (T8): the class of
 * the longest {@link NumberPlan} prefix that matches it.
 */
public enum NumberClass {
    /** A geographic, mobile or other ordinary number (no listed prefix matches). */
    ORDINARY,
    /** Free for the caller: never stopped by the monthly cost limit. */
    FREEPHONE,
    /** Shared-cost, national service and short numbers: barred by {@code SPECIAL_NUMBERS}. */
    SPECIAL,
    /** Premium-rate and content numbers: barred by {@code PREMIUM_RATE} (and {@code SPECIAL_NUMBERS}). */
    PREMIUM_RATE
}
