package io.sentral.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What calls cost (R2): per category a start fee and a price per started minute. Each category may
 * include minutes per customer and calendar month (seed 003 §2: "taleminutter ... per månedlige
 * fakturaperiode", billed "ut over det inkluderte" at start fee + per minute): a call wholly inside
 * the minutes still included costs nothing, a call running beyond them pays the start fee and its
 * minutes beyond. Seed 003 §9 keeps special and short numbers and forwarded or transferred calls
 * out of the included minutes, so those categories include none. Unanswered calls cost nothing.
 * Amounts in {@code currency}, rounded to two decimals (half up). Every category has a rate, so
 * rating never meets a gap; the bundled tariff makes internal and emergency calls free. Which
 * minutes of the month are still unused is the caller's to track ({@link IncludedMinutes}).
 */
public record Tariff(String currency, Map<BillingCategory, Rate> rates) {

    /** One category's price; {@code includedMinutes} per customer and calendar month. */
    public record Rate(BigDecimal startFee, BigDecimal perMinute, int includedMinutes) {
        public Rate {
            Objects.requireNonNull(startFee, "startFee");
            Objects.requireNonNull(perMinute, "perMinute");
            if (startFee.signum() < 0 || perMinute.signum() < 0 || includedMinutes < 0) {
                throw new IllegalArgumentException("a rate is not negative: " + startFee + " + " + perMinute
                        + "/min beyond " + includedMinutes + " min");
            }
        }

        public static final Rate FREE = new Rate(BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    /** An ISO 4217 alphabetic code: three capital letters. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Tariff {
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not a currency code (three capital letters, e.g. NOK): '"
                    + currency + "'");
        }
        EnumMap<BillingCategory, Rate> all = new EnumMap<>(BillingCategory.class);
        rates.forEach((category, rate) -> all.put(Objects.requireNonNull(category, "category"),
                Objects.requireNonNull(rate, "rate")));
        for (BillingCategory c : BillingCategory.values()) {
            if (!all.containsKey(c)) {
                throw new IllegalArgumentException("the tariff has no rate for " + c.label());
            }
        }
        for (BillingCategory c : WITHOUT_INCLUDED_MINUTES) {
            if (all.get(c).includedMinutes() > 0) {
                throw new IllegalArgumentException(noIncludedMinutes(c, all.get(c).includedMinutes()));
            }
        }
        rates = Map.copyOf(all);
    }

    /** Seed 003 §9: "Inkludert kvote minutter ... gjelder ikke for spesialnummer og kortnummer, viderekobling". */
    private static final Set<BillingCategory> WITHOUT_INCLUDED_MINUTES =
            EnumSet.of(BillingCategory.SPECIAL, BillingCategory.FORWARDED_TRANSFERRED);

    /** Whether calls of {@code category} may use included minutes (not so special numbers and forwardings). */
    public static boolean usesIncludedMinutes(BillingCategory category) {
        return !WITHOUT_INCLUDED_MINUTES.contains(category);
    }

    /** The complaint about {@code minutes} included for a category that uses none. */
    public static String noIncludedMinutes(BillingCategory category, int minutes) {
        return category.label() + " calls use no included minutes (seed 003 §9): includedMinutes must be 0, not "
                + minutes;
    }

    /** What one call costs, and how many of its category's included minutes it used up. */
    public record Charge(BigDecimal cost, long includedUsed) {
        public Charge {
            Objects.requireNonNull(cost, "cost");
        }
    }

    /** The cost of a call of {@code category} talked for {@code talk} when no included minutes are left. */
    public BigDecimal cost(BillingCategory category, Duration talk) {
        return charge(category, talk, 0).cost();
    }

    /**
     * The charge for a call of {@code category} talked for {@code talk} (zero: unanswered, free)
     * while {@code includedLeft} of the category's included minutes are unused this month.
     */
    public Charge charge(BillingCategory category, Duration talk, long includedLeft) {
        if (includedLeft < 0) {
            throw new IllegalArgumentException("included minutes left cannot be negative: " + includedLeft);
        }
        if (talk.isZero() || talk.isNegative()) {
            return new Charge(BigDecimal.ZERO.setScale(2), 0);
        }
        Rate rate = rates.get(category);
        long startedMinutes = talk.plusMinutes(1).minusNanos(1).toMinutes(); // every started minute
        long included = Math.min(startedMinutes, Math.min(includedLeft, rate.includedMinutes()));
        long beyond = startedMinutes - included;
        BigDecimal cost = beyond == 0 ? BigDecimal.ZERO
                : rate.startFee().add(rate.perMinute().multiply(BigDecimal.valueOf(beyond)));
        return new Charge(cost.setScale(2, RoundingMode.HALF_UP), included);
    }
}
