package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller arriving at a queue, as the edge reports it to the queues (S2): a fresh call, or one
 * overflowed in from another queue (S4) that keeps its original join time and the queues it has
 * been through (oldest first).
 */
public record QueueJoin(String callId, TenantId tenant, QueueName queue, Optional<E164Number> caller,
                        Optional<Instant> originalJoin, List<QueueName> path) {
    public QueueJoin {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(originalJoin, "originalJoin");
        path = List.copyOf(path);
    }
}
