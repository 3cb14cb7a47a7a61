package io.sentral.routing;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.util.Locale;
import java.util.Objects;

/**
 * The caller-ID a customer presented and what {@link CallerIdCheck} found about it (T5). Only
 * {@link Owned} may reach the network; the other two are what the trunk's policy (reject or
 * replace) is applied to.
 */
sealed interface PresentedCaller {

    IdentitySource source();

    /** The presented value, made safe for logs and reason phrases ({@link ReasonText}). */
    String shown();

    /** The customer's own number: in its ranges, its verified extra numbers, or ported in and active. */
    record Owned(IdentitySource source, E164Number number) implements PresentedCaller {
        public Owned {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String shown() {
            return number.value();
        }
    }

    /** A well-formed number that is not the customer's (another customer's, a stranger's, just outside a range). */
    record NotOwned(IdentitySource source, E164Number number) implements PresentedCaller {
        public NotOwned {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String shown() {
            return number.value();
        }
    }

    /** Empty, {@code anonymous}, letters, overlong, malformed: nothing that could be verified. */
    record NotANumber(IdentitySource source, String shown, boolean anonymous) implements PresentedCaller {
        public NotANumber {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(shown, "shown");
        }

        static NotANumber of(IdentitySource source, String raw) {
            return new NotANumber(source, ReasonText.quote(raw),
                    raw.trim().toLowerCase(Locale.ROOT).equals("anonymous"));
        }
    }

    /** Why a customer may not present this, for the 403's reason phrase. */
    default String problem(TenantId tenant) {
        return switch (this) {
            case Owned owned -> "caller-ID " + owned.number() + " is owned by " + tenant;
            case NotOwned notOwned -> "caller-ID " + notOwned.number() + " is not owned by " + tenant;
            case NotANumber n when n.shown().isBlank() -> "caller-ID is empty";
            case NotANumber n when n.anonymous() ->
                    "caller-ID is anonymous; present an owned number, with Privacy: id to hide it";
            case NotANumber n -> "caller-ID '" + n.shown() + "' is not a number";
        };
    }
}
