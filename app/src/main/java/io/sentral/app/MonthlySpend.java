package io.sentral.app;

import io.sentral.core.billing.IncludedMinutes;
import io.sentral.core.billing.RatedCall;
import io.sentral.core.policy.SpendView;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each customer with a monthly cost limit (T8) has spent this calendar month (UTC), by the
 * tariff's rating of its call records (R2). Routing asks on every outgoing call, so the figures
 * are answered from memory and refreshed in the background ({@link #refresh}, every minute): a
 * limit is enforced from the refresh after it is reached.
 */
final class MonthlySpend implements SpendView {
    private static final Logger LOG = LoggerFactory.getLogger(MonthlySpend.class);

    private final Billing billing;
    private final Supplier<TenantSnapshot> tenants;
    private final Clock clock;
    private volatile Map<TenantId, BigDecimal> spent = Map.of();

    MonthlySpend(Billing billing, Supplier<TenantSnapshot> tenants, Clock clock) {
        this.billing = billing;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public BigDecimal spentThisMonth(TenantId tenant) {
        return spent.getOrDefault(tenant, BigDecimal.ZERO);
    }

    void refresh() {
        try {
            Instant now = clock.instant();
            Instant monthStart = IncludedMinutes.monthStart(now);
            TenantSnapshot snapshot = tenants.get();
            Map<TenantId, BigDecimal> fresh = new HashMap<>();
            for (Customer customer : snapshot.customers()) {
                if (snapshot.monthlyCostLimit(customer.id()).isPresent()) {
                    fresh.put(customer.id(), billing.rated(Optional.of(customer.id()), monthStart, now).stream()
                            .map(RatedCall::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
            spent = Map.copyOf(fresh);
        } catch (RuntimeException e) {
            LOG.warn("monthly spend not refreshed; the last figures stand", e);
        }
    }
}
