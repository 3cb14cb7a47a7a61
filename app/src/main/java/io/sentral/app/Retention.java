package io.sentral.app;

import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.storage.JdbcQueueHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job (S12, seed 002: "call history and notes on queue callers are deleted after
 * the given period"): removes each customer's queue history older than the retention period.
 * Runs hourly on the housekeeping thread; idempotent, so a missed run is made up by the next.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** How long queue history is kept until customers configure their own period. */
    static final Duration QUEUE_HISTORY = Duration.ofDays(90);

    private final JdbcQueueHistory queueHistory;
    private final Supplier<TenantSnapshot> tenants;
    private final Duration queuePeriod;
    private final Clock clock;

    Retention(JdbcQueueHistory queueHistory, Supplier<TenantSnapshot> tenants, Duration queuePeriod, Clock clock) {
        this.queueHistory = queueHistory;
        this.tenants = tenants;
        this.queuePeriod = queuePeriod;
        this.clock = clock;
    }

    /** Deletes what is past its period; answers how many queue history rows went. */
    int run() {
        Instant cutoff = clock.instant().minus(queuePeriod);
        int deleted = 0;
        try {
            for (Customer customer : tenants.get().customers()) {
                deleted += queueHistory.deleteBefore(customer.id(), cutoff);
            }
            if (deleted > 0) {
                LOG.info("retention: deleted {} queue history entries from before {}", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warn("retention run failed; the next one tries again", e);
        }
        return deleted;
    }
}
