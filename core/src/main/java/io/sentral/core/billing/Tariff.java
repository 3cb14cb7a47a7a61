package io.sentral.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What calls cost (R2): per category a start fee, a price per started minute beyond the included
 * minutes. Unanswered calls cost nothing. Amounts in {@code currency}, rounded to two decimals
 * (half up). Every category has a rate, so rating never meets a gap; the bundled tariff makes
 * internal and emergency calls free. Included minutes apply per call: a monthly allowance shared by
 * a subscription's calls would need the month's calls rated in order, which this pure function does
 * not see.
 */
public record Tariff(String currency, Map<BillingCategory, Rate> rates) {

    /** One category's price. */
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
        rates = Map.copyOf(all);
    }

    /** The cost of a call of {@code category} talked for {@code talk} (zero: unanswered, free). */
    public BigDecimal cost(BillingCategory category, Duration talk) {
        if (talk.isZero() || talk.isNegative()) {
            return BigDecimal.ZERO.setScale(2);
        }
        Rate rate = rates.get(category);
        long startedMinutes = talk.plusMinutes(1).minusNanos(1).toMinutes(); // every started minute
        long billable = Math.max(0, startedMinutes - rate.includedMinutes());
        return rate.startFee().add(rate.perMinute().multiply(BigDecimal.valueOf(billable)))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
