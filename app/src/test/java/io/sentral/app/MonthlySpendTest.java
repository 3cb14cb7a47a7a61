package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.ConfigLoader;
import io.sentral.config.DatabaseSettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.EndCause;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.TrunkId;
import io.sentral.routing.CallCategorizer;
import io.sentral.routing.NumberPlan;
import io.sentral.storage.Database;
import io.sentral.storage.JdbcCallRecordStore;
import io.sentral.testkit.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T8 with R2: the monthly cost limit reads what the tariff makes of this month's call records. */
class MonthlySpendTest {
    private static final TenantId ACME = TenantId.of("acme");

    @TempDir
    Path dataDir;

    @Test
    void thisMonthsRatedCallsOfCustomersWithALimitAreSummed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T23:00:00Z"));
        var config = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);
        List<CustomerProvisioning> customers = config.customers().stream().map(c -> c.tenant().equals(ACME)
                ? new CustomerProvisioning(c.customer(), c.trunks(), c.ranges(), c.extraNumbers(), c.mainNumber(),
                c.emergencyAddresses(), c.users(), c.queues(), c.vipList(), c.barrings(), c.webAccounts(),
                Optional.of(new BigDecimal("100")), c.portedIn()) : c).toList();
        TenantSnapshot snapshot = TenantSnapshot.of(customers);
        try (Database database = Database.open(TestDatabase.forNode(DatabaseSettings.embedded()), dataDir)) {
            JdbcCallRecordStore records = new JdbcCallRecordStore(database);
            Billing billing = new Billing(records, new CallCategorizer(new NumberPlan(config.numberPlan())),
                    ConfigLoader.ignoringEnvironment().defaultTariff(), () -> snapshot);
            MonthlySpend spend = new MonthlySpend(billing, () -> snapshot, clock);

            call(records, "last-month", Instant.parse("2026-10-31T12:00:00Z"), Duration.ofMinutes(10));
            call(records, "this-month", Instant.parse("2026-11-02T12:00:00Z"), Duration.ofSeconds(90));
            spend.refresh();
            assertThat(spend.spentThisMonth(ACME)).as("0.49 + 2 started minutes x 0.49").isEqualByComparingTo("1.47");
            assertThat(spend.spentThisMonth(TenantId.of("svea"))).as("no limit, not summed").isEqualByComparingTo("0");

            clock.advance(Duration.ofHours(2)); // December
            spend.refresh();
            assertThat(spend.spentThisMonth(ACME)).isEqualByComparingTo("0");
        }
    }

    private static void call(JdbcCallRecordStore records, String id, Instant at, Duration talk) {
        records.onEvent(new CallEvent.Started(id, at, CallDirection.OUTBOUND, Optional.of(ACME),
                Optional.of(TrunkId.of("acme-pbx")), "+4722120005", "+4790000001", "127.0.0.1"));
        records.onEvent(new CallEvent.Answered(id, at.plusSeconds(3)));
        records.onEvent(new CallEvent.Ended(id, at.plusSeconds(3).plus(talk), 200, EndCause.CALLER_HANGUP));
    }
}
