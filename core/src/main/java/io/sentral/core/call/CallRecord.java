package io.sentral.core.call;

import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A durable call record (CDR) as stored: written when the call starts, completed when it ends. */
public record CallRecord(String callId, CallDirection direction, Optional<TenantId> tenant,
                         Optional<TrunkId> trunk, String caller, String callee, String source,
                         Instant startedAt, Optional<Instant> answeredAt, Optional<Instant> endedAt,
                         Optional<Integer> status, Optional<EndCause> cause) {
    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean completed() {
        return endedAt.isPresent();
    }
}
