package io.sentral.routing;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * T8: a monthly cost limit, once reached, bars every further chargeable call. Freephone numbers
 * are not chargeable (emergency calls never get this far); a limit of zero bars every chargeable
 * call. The month's spend is asked only when it matters.
 */
final class CostLimit {
    static final String REASON = "Forbidden (monthly cost limit reached)";

    private CostLimit() {
    }

    static boolean reached(Optional<BigDecimal> limit, NumberClass callee, Supplier<BigDecimal> spentThisMonth) {
        return limit.isPresent() && callee != NumberClass.FREEPHONE
                && spentThisMonth.get().compareTo(limit.get()) >= 0;
    }
}
