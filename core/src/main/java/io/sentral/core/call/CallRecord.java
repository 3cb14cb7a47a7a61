package io.sentral.core.call;

import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable call record (CDR) as stored: written when the call starts, completed when it ends.
 * {@code source} is where the call's signalling came from ("ip:port"); for a leg Sentral placed
 * onward to the public network for another call — a forwarding (S7, S6 absence), an overflow (S4)
 * or a transfer (S8) — it names that call instead ({@link #onwardSource}), and the leg is rated as
 * forwarded/transferred (R1).
 */
public record CallRecord(String callId, CallDirection direction, Optional<TenantId> tenant,
                         Optional<TrunkId> trunk, String caller, String callee, String source,
                         Instant startedAt, Optional<Instant> answeredAt, Optional<Instant> endedAt,
                         Optional<Integer> status, Optional<EndCause> cause) {
    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(source, "source");
    }

    private static final String ONWARD_PREFIX = "onward-of:";

    public boolean completed() {
        return endedAt.isPresent();
    }

    /** The source of an onward leg placed for the call {@code callId}. */
    public static String onwardSource(String callId) {
        return ONWARD_PREFIX + Objects.requireNonNull(callId, "callId");
    }

    /** The Call-ID of the call this record is an onward leg of, if it is one. */
    public Optional<String> onwardOf() {
        return source.startsWith(ONWARD_PREFIX) ? Optional.of(source.substring(ONWARD_PREFIX.length()))
                : Optional.empty();
    }
}
