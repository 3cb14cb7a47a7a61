package io.sentral.app;

import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.storage.JdbcQueueHistory;
import io.sentral.storage.JdbcUserCallLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job (S12, seed 002: "calls older than 30 days are deleted from the user's call
 * log; call history on queues is deleted after the given period"): removes users' call-log entries
 * older than 30 days and each customer's queue history older than the retention period. The call
 * records (billing) are not touched. Runs hourly on the housekeeping thread; idempotent, so a
 * missed run is made up by the next.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** How long queue history is kept until customers configure their own period. */
    static final Duration QUEUE_HISTORY = Duration.ofDays(90);
    static final Duration USER_CALL_LOG = Duration.ofDays(30);

    private final JdbcQueueHistory queueHistory;
    private final JdbcUserCallLog userCalls;
    private final Supplier<TenantSnapshot> tenants;
    private final Duration queuePeriod;
    private final Clock clock;

    Retention(JdbcQueueHistory queueHistory, JdbcUserCallLog userCalls, Supplier<TenantSnapshot> tenants,
              Duration queuePeriod, Clock clock) {
        this.queueHistory = queueHistory;
        this.userCalls = userCalls;
        this.tenants = tenants;
        this.queuePeriod = queuePeriod;
        this.clock = clock;
    }

    /** Deletes what is past its period; answers how many rows went. */
    int run() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(queuePeriod);
        int deleted = 0;
        try {
            for (Customer customer : tenants.get().customers()) {
                deleted += queueHistory.deleteBefore(customer.id(), cutoff);
            }
            int logLines = userCalls.deleteBefore(now.minus(USER_CALL_LOG));
            if (deleted + logLines > 0) {
                LOG.info("retention: deleted {} queue history entries from before {} and {} call-log lines from"
                        + " before {}", deleted, cutoff, logLines, now.minus(USER_CALL_LOG));
            }
            deleted += logLines;
        } catch (RuntimeException e) {
            LOG.warn("retention run failed; the next one tries again", e);
        }
        return deleted;
    }
}
