package io.sentral.app.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.TestDatabase;
import io.sentral.config.ConfigLoader;
import io.sentral.config.DatabaseSettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.EndCause;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserCallEntry;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.routing.queue.CallId;
import io.sentral.routing.queue.QueueEvent;
import io.sentral.storage.Database;
import io.sentral.storage.JdbcQueueHistory;
import io.sentral.storage.JdbcUserCallLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S12: the answering agent's log line does not wait for the queue history's own writer. */
class UserCallRecorderTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aQueueCallEndingBeforeTheQueueHistoryIsWrittenIsStillInTheAgentsLog() {
        try (Database database = Database.open(TestDatabase.forNode(DatabaseSettings.embedded()), dataDir)) {
            TenantSnapshot demo = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
                    .loadResource(ConfigLoader.DEMO_RESOURCE).customers());
            JdbcUserCallLog log = new JdbcUserCallLog(database);
            UserCallRecorder recorder = new UserCallRecorder(log, new JdbcQueueHistory(database), () -> demo);

            recorder.onEvent(new CallEvent.Started("q@x", T0, CallDirection.INBOUND, Optional.of(FJORD),
                    Optional.empty(), "+4791234567", "+4723450000", "127.0.0.2"));
            recorder.onQueueEvent(FJORD, new QueueEvent.Answered(T0.plusSeconds(3), QueueName.of("Sentralbord"),
                    new CallId("q@x"), UserId.of("bob"), Duration.ofSeconds(3)));
            recorder.onEvent(new CallEvent.Answered("q@x", T0.plusSeconds(3)));
            recorder.onEvent(new CallEvent.Ended("q@x", T0.plusSeconds(10), 200, EndCause.CALLER_HANGUP));

            assertThat(log.of(FJORD, UserId.of("bob"), T0, T0.plusSeconds(60))).containsExactly(new UserCallEntry(
                    FJORD, UserId.of("bob"), "q@x", true, "+4791234567", T0, true, Duration.ofSeconds(7),
                    Optional.of(QueueName.of("Sentralbord"))));
        }
    }
}
