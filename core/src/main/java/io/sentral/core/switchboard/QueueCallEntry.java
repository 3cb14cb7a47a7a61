package io.sentral.core.switchboard;

import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One caller's stay in one queue, as the queue history keeps it (S12, S13, S18): from joining to
 * its outcome, who answered after how long, and — for a missed call — its follow-up.
 *
 * @param caller    the caller's number as signalled, from the call record
 * @param outcome   {@code answered}, {@code abandoned}, {@code overflowed}, {@code timeout},
 *                  {@code rejected}; empty while the caller waits
 * @param followUp  for a missed call: {@code unanswered}, {@code callback-attempted} or {@code handled}
 * @param transferredTo where the call was transferred after it joined the queue, the first time
 *                  (extension, queue or number as the transfer named it)
 */
public record QueueCallEntry(long id, String callId, TenantId tenant, QueueName queue, Optional<String> caller,
                             Instant joinedAt, boolean vip, Optional<QueueName> overflowedFrom,
                             Optional<String> outcome, Optional<UserId> agent, Optional<Duration> waited,
                             Optional<String> overflowTarget, Optional<Duration> talked, Optional<String> followUp,
                             Optional<String> followUpBy, Optional<Instant> followUpAt,
                             Optional<String> transferredTo) {
    public QueueCallEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(joinedAt, "joinedAt");
        Objects.requireNonNull(overflowedFrom, "overflowedFrom");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(overflowTarget, "overflowTarget");
        Objects.requireNonNull(talked, "talked");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(followUpBy, "followUpBy");
        Objects.requireNonNull(followUpAt, "followUpAt");
        Objects.requireNonNull(transferredTo, "transferredTo");
    }

    /** Whether nobody took the call in this queue and it went nowhere else. */
    public boolean missed() {
        return outcome.filter(o -> o.equals("abandoned") || o.equals("timeout") || o.equals("rejected")).isPresent();
    }
}
