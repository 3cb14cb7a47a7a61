package io.sentral.routing;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.number.Country;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a customer's barrings stops a call (T8; seed 004 §5-§7), checked in this order so that
 * the answer names the widest bar that applies:
 * <ol>
 *   <li>{@link BarringClass#ALL_OUTGOING} — every call (emergency calls never get here);</li>
 *   <li>{@link BarringClass#INTERNATIONAL} — a public number outside the customer's country
 *       (Sweden is abroad for a Norwegian customer);</li>
 *   <li>{@link BarringClass#PREMIUM_RATE} — a {@link NumberClass#PREMIUM_RATE} number;</li>
 *   <li>{@link BarringClass#SPECIAL_NUMBERS} — any short number, and special or premium-rate
 *       numbers (content numbers are special numbers too). Freephone numbers stay reachable:
 *       a bar guards against cost and misuse, and they cost nothing.</li>
 * </ol>
 */
final class Barring {

    private Barring() {
    }

    static Optional<BarringClass> barredBy(Set<BarringClass> bars, Callee callee, Country customerCountry) {
        if (bars.contains(BarringClass.ALL_OUTGOING)) {
            return Optional.of(BarringClass.ALL_OUTGOING);
        }
        if (bars.contains(BarringClass.INTERNATIONAL) && callee instanceof Callee.Public p
                && !Country.of(p.number()).equals(Optional.of(customerCountry))) {
            return Optional.of(BarringClass.INTERNATIONAL);
        }
        if (bars.contains(BarringClass.PREMIUM_RATE) && callee.numberClass() == NumberClass.PREMIUM_RATE) {
            return Optional.of(BarringClass.PREMIUM_RATE);
        }
        boolean special = callee instanceof Callee.Short
                || callee.numberClass() == NumberClass.SPECIAL
                || callee.numberClass() == NumberClass.PREMIUM_RATE;
        if (bars.contains(BarringClass.SPECIAL_NUMBERS) && special) {
            return Optional.of(BarringClass.SPECIAL_NUMBERS);
        }
        return Optional.empty();
    }

    /** The 403's reason phrase, naming the bar. */
    static String reason(BarringClass bar) {
        return switch (bar) {
            case ALL_OUTGOING -> "Forbidden (outgoing calls barred)";
            case INTERNATIONAL -> "Forbidden (international calls barred)";
            case PREMIUM_RATE -> "Forbidden (premium-rate calls barred)";
            case SPECIAL_NUMBERS -> "Forbidden (calls to special numbers barred)";
        };
    }
}
