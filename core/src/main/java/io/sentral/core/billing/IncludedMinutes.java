package io.sentral.core.billing;

import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The included minutes of the tariff (R2) as one rating run uses them up: per customer, calendar
 * month (UTC, like the monthly cost limit) and billing category, calls draw on their month's
 * minutes in the order they are charged — so charge them in the order they started, from the
 * start of the month. One instance per rating run; not shared between threads.
 */
public final class IncludedMinutes {
    private record Key(TenantId tenant, YearMonth month, BillingCategory category) {
    }

    private final Tariff tariff;
    private final Map<Key, Long> used = new HashMap<>();

    public IncludedMinutes(Tariff tariff) {
        this.tariff = Objects.requireNonNull(tariff, "tariff");
    }

    /** The month a call started in, as the included minutes count it. */
    public static YearMonth monthOf(Instant startedAt) {
        return YearMonth.from(startedAt.atZone(ZoneOffset.UTC));
    }

    /** The first instant of the month {@code at} falls in: where a rating run must start. */
    public static Instant monthStart(Instant at) {
        return monthOf(at).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Charges a call of {@code tenant} started at {@code startedAt}, using up included minutes left. */
    public Tariff.Charge charge(TenantId tenant, Instant startedAt, BillingCategory category, Duration talk) {
        Key key = new Key(Objects.requireNonNull(tenant, "tenant"), monthOf(startedAt),
                Objects.requireNonNull(category, "category"));
        long left = Math.max(0, tariff.rates().get(category).includedMinutes() - used.getOrDefault(key, 0L));
        Tariff.Charge charge = tariff.charge(category, talk, left);
        used.merge(key, charge.includedUsed(), Long::sum);
        return charge;
    }
}
