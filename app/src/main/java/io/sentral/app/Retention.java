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
 * older than 30 days and each customer's queue history older than the customer's period
 * ({@code queueHistoryDays}, 90 days unless set). The call
 * records (billing) are not touched. Runs hourly on the housekeeping thread; idempotent, so a
 * missed run is made up by the next.
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final Duration USER_CALL_LOG = Duration.ofDays(30);

    private final JdbcQueueHistory queueHistory;
    private final JdbcUserCallLog userCalls;
    private final Supplier<TenantSnapshot> tenants;
    private final Clock clock;

    Retention(JdbcQueueHistory queueHistory, JdbcUserCallLog userCalls, Supplier<TenantSnapshot> tenants,
              Clock clock) {
        this.queueHistory = queueHistory;
        this.userCalls = userCalls;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Deletes what is past its period; answers how many rows went. */
    int run() {
        Instant now = clock.instant();
        int deleted = 0;
        try {
            for (Customer customer : tenants.get().customers()) {
                Instant cutoff = now.minus(Duration.ofDays(customer.queueHistoryDays()));
                int entries = queueHistory.deleteBefore(customer.id(), cutoff);
                if (entries > 0) {
                    LOG.info("retention: deleted {} queue history entries of {} from before {}", entries,
                            customer.id(), cutoff);
                }
                deleted += entries;
            }
            int logLines = userCalls.deleteBefore(now.minus(USER_CALL_LOG));
            if (logLines > 0) {
                LOG.info("retention: deleted {} call-log lines from before {}", logLines, now.minus(USER_CALL_LOG));
            }
            deleted += logLines;
        } catch (RuntimeException e) {
            LOG.warn("retention run failed; the next one tries again", e);
        }
        return deleted;
    }
}
