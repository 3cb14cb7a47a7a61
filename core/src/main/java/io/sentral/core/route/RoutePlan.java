package io.sentral.core.route;

import io.sentral.core.call.CallDirection;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing decision for one call: what the SIP edge executes. {@code rule} names the routing
 * stage that decided, so an operator can see why a call went where it went.
 */
public sealed interface RoutePlan {

    String rule();

    /** Refuse the call with this SIP status and reason phrase. */
    record Reject(int status, String reason, String rule) implements RoutePlan {
        public Reject {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("reject status must be 4xx-6xx: " + status);
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * Place a new outgoing leg, trying {@code destinations} in order (serial failover).
     *
     * @param requestUser user part for the outgoing Request-URI (normally the E.164 callee)
     * @param callerUser  user part for the outgoing From (the presented number)
     */
    record Forward(CallDirection direction, Optional<TenantId> tenant, Optional<TrunkId> trunk,
                   String requestUser, String callerUser, List<Destination> destinations, String rule)
            implements RoutePlan {
        public Forward {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(requestUser, "requestUser");
            Objects.requireNonNull(callerUser, "callerUser");
            destinations = List.copyOf(destinations);
            if (destinations.isEmpty()) {
                throw new IllegalArgumentException("a forward plan needs at least one destination");
            }
            Objects.requireNonNull(rule, "rule");
        }
    }
}
