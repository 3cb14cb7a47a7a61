package io.sentral.core.route;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.Diversion;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A switchboard call the edge is holding and asks routing to send on: forwarded (S7), overflowed
 * (S4), offered to an agent (S2) or transferred (S8). The caller stays who it was.
 *
 * @param callId       the incoming leg's Call-ID (for logs)
 * @param callerNumber the caller's number in E.164, if known
 * @param diversions   the redirections so far, oldest first (loop detection, Diversion headers)
 */
public record RedirectedCall(String callId, CallDirection direction, TenantId tenant, CallerIdentity caller,
                             Optional<E164Number> callerNumber, List<Diversion> diversions) {
    public RedirectedCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callerNumber, "callerNumber");
        diversions = List.copyOf(diversions);
    }
}
