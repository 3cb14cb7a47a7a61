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

/**
 * S12 retention with a virtual clock: users' call-log lines go after 30 days, queue history after its
 * period; the rest stays.
 */
class RetentionTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final QueueName MAIN = QueueName.of("Sentralbord");

    @TempDir
    Path dataDir;

    @Test
    void callLogsAfter30DaysAndQueueHistoryAfterItsPeriodAreDeletedOnTheNextRun() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
        try (Database database = Database.open(TestDatabase.forNode(DatabaseSettings.embedded()), dataDir)) {
            JdbcQueueHistory history = new JdbcQueueHistory(database);
            TenantSnapshot snapshot = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
                    .loadResource(ConfigLoader.DEMO_RESOURCE).customers());
            io.sentral.storage.JdbcUserCallLog userCalls = new io.sentral.storage.JdbcUserCallLog(database);
            Retention retention = new Retention(history, userCalls, () -> snapshot, clock);
            userCalls.add(new io.sentral.core.switchboard.UserCallEntry(FJORD, io.sentral.core.switchboard.UserId
                    .of("alice"), "old@x", true, "+4791234567", clock.instant(), true, Duration.ofSeconds(30),
                    Optional.of(MAIN)));

            history.joined("old@x", FJORD, MAIN, clock.instant(), false, Optional.empty());
            clock.advance(Duration.ofDays(10));
            history.joined("newer@x", FJORD, MAIN, clock.instant(), false, Optional.empty());
            assertThat(retention.run()).as("nothing is old yet").isZero();

            clock.advance(Duration.ofDays(21));
            assertThat(retention.run()).as("the 31-day-old call-log line").isEqualTo(1);
            assertThat(userCalls.of(FJORD, io.sentral.core.switchboard.UserId.of("alice"), Instant.EPOCH,
                    clock.instant())).isEmpty();
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).as("queue history stays longer")
                    .hasSize(2);

            clock.advance(Duration.ofDays(60));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).extracting(e -> e.callId())
                    .containsExactly("newer@x");
            clock.advance(Duration.ofDays(10));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).isEmpty();
        }
    }

    @Test
    void eachCustomerKeepsItsQueueHistoryForItsOwnPeriod_S13() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T08:00:00Z"));
        TenantId acme = TenantId.of("acme");
        QueueName acmeQueue = QueueName.of("Acme");
        try (Database database = Database.open(TestDatabase.forNode(DatabaseSettings.embedded()), dataDir)) {
            JdbcQueueHistory history = new JdbcQueueHistory(database);
            TenantSnapshot snapshot = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
                    .loadResource(ConfigLoader.DEMO_RESOURCE).customers().stream()
                    .map(p -> !p.tenant().equals(FJORD) ? p : p.withCustomer(new io.sentral.core.tenant.Customer(
                            FJORD, p.customer().name(), p.customer().country(), 7)))
                    .toList());
            Retention retention = new Retention(history, new io.sentral.storage.JdbcUserCallLog(database),
                    () -> snapshot, clock);
            history.joined("fjord-old@x", FJORD, MAIN, clock.instant(), false, Optional.empty());
            history.joined("acme-old@x", acme, acmeQueue, clock.instant(), false, Optional.empty());

            clock.advance(Duration.ofDays(6));
            assertThat(retention.run()).as("within both periods").isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(retention.run()).as("fjord keeps 7 days").isEqualTo(1);
            assertThat(history.calls(FJORD, MAIN, Instant.EPOCH, clock.instant())).isEmpty();
            assertThat(history.calls(acme, acmeQueue, Instant.EPOCH, clock.instant())).as("acme keeps 90 days")
                    .hasSize(1);
            clock.advance(Duration.ofDays(83));
            assertThat(retention.run()).isEqualTo(1);
            assertThat(history.calls(acme, acmeQueue, Instant.EPOCH, clock.instant())).isEmpty();
        }
    }
}
