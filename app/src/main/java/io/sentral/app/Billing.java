package io.sentral.app;

import io.sentral.core.billing.BillingCategory;
import io.sentral.core.billing.IncludedMinutes;
import io.sentral.core.billing.RatedCall;
import io.sentral.core.billing.Tariff;
import io.sentral.core.call.CallRecord;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.routing.CallCategorizer;
import io.sentral.storage.JdbcCallRecordStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rates call records (R1, R2): each gets its billing category (routing's {@link CallCategorizer}
 * with the customer's country and numbers) and, when the customer pays for it, its cost by the
 * tariff. Calls of no customer (carrier to carrier) are left out. The tariff's included minutes
 * are per customer and month ({@link IncludedMinutes}), so a period is rated from the start of its
 * first month, in the order the calls started, and the calls before the period are left out after.
 */
final class Billing {
    private final JdbcCallRecordStore records;
    private final CallCategorizer categorizer;
    private final Tariff tariff;
    private final Supplier<TenantSnapshot> tenants;

    Billing(JdbcCallRecordStore records, CallCategorizer categorizer, Tariff tariff, Supplier<TenantSnapshot> tenants) {
        this.records = records;
        this.categorizer = categorizer;
        this.tariff = tariff;
        this.tenants = tenants;
    }

    /** The rated calls started in [from, to): of {@code tenant}, or of every customer. */
    List<RatedCall> rated(Optional<TenantId> tenant, Instant from, Instant to) {
        TenantSnapshot snapshot = tenants.get();
        IncludedMinutes included = new IncludedMinutes(tariff);
        return records.between(tenant, IncludedMinutes.monthStart(from), to).stream()
                .filter(r -> r.tenant().isPresent())
                .map(r -> rate(r, snapshot, included))
                .filter(rated -> !rated.record().startedAt().isBefore(from)).toList();
    }

    private RatedCall rate(CallRecord record, TenantSnapshot snapshot, IncludedMinutes included) {
        TenantId tenant = record.tenant().orElseThrow();
        Country country = snapshot.customer(tenant).map(c -> c.country()).orElse(Country.NO);
        BillingCategory category = categorizer.categorize(record, country,
                dialled -> owns(snapshot, tenant, country, dialled));
        Duration talk = record.answeredAt().flatMap(a -> record.endedAt().map(e -> Duration.between(a, e)))
                .orElse(Duration.ZERO);
        Duration billed = CallCategorizer.billable(record, category) ? talk : Duration.ZERO;
        return new RatedCall(record, category, talk, included.charge(tenant, record.startedAt(), category, billed)
                .cost(), tariff.currency());
    }

    /** An extension of the customer's users, or a number the customer owns. */
    private static boolean owns(TenantSnapshot snapshot, TenantId tenant, Country country, String dialled) {
        if (snapshot.users(tenant).stream().anyMatch(u -> u.extension().equals(dialled))) {
            return true;
        }
        Optional<E164Number> number = NumberNormaliser.normalise(dialled, country);
        return number.flatMap(snapshot::rangeOwning).map(r -> r.tenant().equals(tenant)).orElse(false);
    }
}
