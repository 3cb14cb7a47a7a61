package io.sentral.routing;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dialled number of an outbound call, once {@link RouteRule#OUTBOUND_CALLEE_NUMBER} has read it
 * (T4): a public number in E.164, or a short number kept as dialled so that barring can see it
 * (T8). Emergency numbers never get here: {@link EmergencyNumbers} took them first.
 */
sealed interface Callee {

    /** What the outgoing Request-URI carries before portability (T9) has its say. */
    String requestUser();

    NumberClass numberClass();

    /** A number of the public network. */
    record Public(E164Number number, NumberClass numberClass) implements Callee {
        public Public {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(numberClass, "numberClass");
        }

        @Override
        public String requestUser() {
            return number.value();
        }
    }

    /** A national short number (3-6 digits, e.g. {@code 1881}, {@code 116111}, {@code 02020}), as dialled. */
    record Short(String digits, NumberClass numberClass) implements Callee {
        public Short {
            Objects.requireNonNull(digits, "digits");
            Objects.requireNonNull(numberClass, "numberClass");
            if (!SHORT.matcher(digits).matches()) {
                throw new IllegalArgumentException("not a short number: '" + ReasonText.quote(digits) + "'");
            }
        }

        @Override
        public String requestUser() {
            return digits;
        }
    }

    Pattern SHORT = Pattern.compile("[0-9]{3,6}");

    /**
     * Reads the dialled string in the customer's plan: a public number if {@link NumberNormaliser}
     * makes one, else a short number of 3-6 digits — which may not start with the international
     * prefix {@code 00}, nor, where the plan has the trunk prefix 0 (Sweden), with {@code 0}, as
     * those are incomplete numbers. Anything else is empty (484).
     */
    static Optional<Callee> read(String dialled, Country country, NumberPlan plan) {
        Optional<E164Number> number = NumberNormaliser.normalise(dialled, country);
        if (number.isPresent()) {
            return Optional.of(new Public(number.get(), plan.classify(number.get())));
        }
        String digits = dialled.replaceAll("[\\s().\\-]", "");
        boolean incomplete = digits.startsWith("00") || (country == Country.SE && digits.startsWith("0"));
        if (SHORT.matcher(digits).matches() && !incomplete) {
            return Optional.of(new Short(digits, plan.classifyShort(digits, country)));
        }
        return Optional.empty();
    }
}
