package io.sentral.core.switchboard;

import java.util.Locale;

/** Why a user is away (S6); shown in the directory with the end time. */
public enum AbsenceReason {
    MEETING,
    LUNCH,
    VACATION,
    SICK,
    TRAVEL,
    OTHER;

    /** The lower-case name used in YAML, the API and the directory. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AbsenceReason fromLabel(String label) {
        for (AbsenceReason reason : values()) {
            if (reason.label().equals(label)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown absence reason '" + label
                + "': use meeting, lunch, vacation, sick, travel or other");
    }
}
