package io.sentral.core.call;

import java.util.Locale;
import java.util.Objects;

/**
 * One redirection a call went through on its way (S7 forwarding, S4 overflow, S8 transfer): the
 * number that diverted it and why. The edge sends the chain as Diversion headers (RFC 5806),
 * newest first; routing counts it to stop forwarding loops.
 *
 * @param divertingNumber the E.164 number (or extension) of the user or queue that passed the call on
 */
public record Diversion(String divertingNumber, Reason reason) {

    /** The RFC 5806 reason tokens Sentral uses. */
    public enum Reason {
        UNCONDITIONAL,
        USER_BUSY,
        NO_ANSWER,
        UNAVAILABLE,
        AWAY,
        DEFLECTION;

        /** The token as written in a Diversion header, e.g. {@code user-busy}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Diversion {
        Objects.requireNonNull(divertingNumber, "divertingNumber");
        Objects.requireNonNull(reason, "reason");
        if (divertingNumber.isBlank()) {
            throw new IllegalArgumentException("a diversion needs the diverting number");
        }
    }
}
