package io.sentral.core.switchboard;

import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a user's own call log (S12).
 *
 * @param incoming   true for a call to the user, false for one the user placed
 * @param otherParty the other party's number as signalled (or extension)
 * @param queue      an incoming call: the queue it came through, if it did; an outgoing call: the
 *                   queue whose missed call it returned (S18), if it was a callback
 */
public record UserCallEntry(TenantId tenant, UserId user, String callId, boolean incoming, String otherParty,
                            Instant started, boolean answered, Duration talked, Optional<QueueName> queue) {
    public UserCallEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(otherParty, "otherParty");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(talked, "talked");
        Objects.requireNonNull(queue, "queue");
    }
}
