package io.sentral.storage;

import io.sentral.config.DatabaseSettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.EndCause;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Child process of {@link DurabilityTest}: opens the embedded database in {@code args[0]},
 * records one complete call, prints {@code written} and waits, without closing anything, to be
 * killed.
 */
public final class CallRecordWriterMain {
    static final String CALL_ID = "durable-call";
    static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    private CallRecordWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.open(DatabaseSettings.embedded(), Path.of(args[0]));
        JdbcCallRecordStore store = new JdbcCallRecordStore(database);
        store.onEvent(new CallEvent.Started(CALL_ID, STARTED, CallDirection.INBOUND, Optional.of(TenantId.of("acme")),
                Optional.of(TrunkId.of("acme-pbx")), "+4790000001", "+4722120005", "127.0.0.2:5060"));
        store.onEvent(new CallEvent.Answered(CALL_ID, STARTED.plusSeconds(2)));
        store.onEvent(new CallEvent.Ended(CALL_ID, STARTED.plusSeconds(30), 200, EndCause.CALLEE_HANGUP));
        System.out.println("written");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
