package io.sentral.core.trace;

import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SIP messages of one traced call, both legs, in the order they crossed the wire.
 *
 * @param callId  the incoming leg's Call-ID (the call's id everywhere in Sentral)
 * @param matched the target that made the call traced
 * @param dropped messages left out because the call's buffer was full (the oldest go first)
 */
public record CallTrace(String callId, Instant started, Optional<TenantId> tenant, Optional<TrunkId> trunk,
                        String caller, String callee, TraceTarget matched, List<TracedMessage> messages,
                        int dropped) {
    public CallTrace {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(matched, "matched");
        messages = List.copyOf(messages);
    }
}
