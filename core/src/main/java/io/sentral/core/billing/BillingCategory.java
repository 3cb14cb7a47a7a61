package io.sentral.core.billing;

import java.util.Locale;

/** What kind of call a CDR is, for rating (R1): each category has its own rate in the tariff. */
public enum BillingCategory {
    INTERNAL,
    NATIONAL,
    NORDIC,
    INTERNATIONAL,
    SPECIAL,
    EMERGENCY,
    FORWARDED_TRANSFERRED;

    /** The label in exports and the tariff file: lower case, words joined by '-'. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category with this {@link #label()}, as the tariff file names it. */
    public static BillingCategory fromLabel(String label) {
        for (BillingCategory c : values()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown billing category '" + label + "'");
    }
}
