package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.ConfigLoader;
import io.sentral.config.DatabaseSettings;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.storage.Database;
import io.sentral.storage.JdbcQueueHistory;
import io.sentral.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S12 retention with a virtual clock: queue history older than the period goes, the rest stays. */
class RetentionTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final QueueName MAIN = QueueName.of("Sentralbord");

    @TempDir
    Path dataDir;

    @Test
    void queueHistoryOlderThanThePeriodIsDeletedOnTheNextRun() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
        try (Database database = Database.open(DatabaseSettings.embedded(), dataDir)) {
            JdbcQueueHistory history = new JdbcQueueHistory(database);
            TenantSnapshot snapshot = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
                    .loadResource(ConfigLoader.DEMO_RESOURCE).customers());
            Retention retention = new Retention(history, () -> snapshot, Duration.ofDays(90), clock);

            history.joined("old@x", FJORD, MAIN, clock.instant(), false, Optional.empty());
            clock.advance(Duration.ofDays(10));
            history.joined("newer@x", FJORD, MAIN, clock.instant(), false, Optional.empty());
            assertThat(retention.run()).as("nothing is old yet").isZero();

            clock.advance(Duration.ofDays(81));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).extracting(e -> e.callId())
                    .containsExactly("newer@x");
            clock.advance(Duration.ofDays(10));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).isEmpty();
        }
    }
}
