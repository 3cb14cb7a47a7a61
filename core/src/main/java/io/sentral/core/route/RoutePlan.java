package io.sentral.core.route;

import io.sentral.core.call.CallDirection;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing decision for one call: what the SIP edge executes. {@code rule} names the routing
 * stage that decided, so an operator can see why a call went where it went; {@code events} are the
 * policy decisions taken on the way, for logs and metrics.
 */
public sealed interface RoutePlan {

    String rule();

    List<PolicyEvent> events();

    /** Refuse the call with this SIP status and reason phrase, and a Retry-After if given (503, T7). */
    record Reject(int status, String reason, String rule, Optional<Duration> retryAfter, List<PolicyEvent> events)
            implements RoutePlan {
        public Reject {
            if (status < 400 || status > 699) {
                throw new IllegalArgumentException("reject status must be 4xx-6xx: " + status);
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(retryAfter, "retryAfter");
            events = List.copyOf(events);
        }

        public Reject(int status, String reason, String rule) {
            this(status, reason, rule, Optional.empty(), List.of());
        }
    }

    /**
     * Place a new outgoing leg, trying {@code destinations} in order (serial failover).
     *
     * @param requestUser user part for the outgoing Request-URI (normally the E.164 callee)
     * @param caller      the caller's identity on the outgoing leg (From, P-Asserted-Identity, privacy)
     * @param emergency   present for an emergency call: attach the caller's civic address
     */
    record Forward(CallDirection direction, Optional<TenantId> tenant, Optional<TrunkId> trunk,
                   String requestUser, CallerIdentity caller, List<Destination> destinations, String rule,
                   Optional<EmergencyContext> emergency, List<PolicyEvent> events)
            implements RoutePlan {
        public Forward {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(requestUser, "requestUser");
            Objects.requireNonNull(caller, "caller");
            destinations = List.copyOf(destinations);
            if (destinations.isEmpty()) {
                throw new IllegalArgumentException("a forward plan needs at least one destination");
            }
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(emergency, "emergency");
            events = List.copyOf(events);
        }

        /** A plain forward: the caller as received, no emergency, no policy events. */
        public Forward(CallDirection direction, Optional<TenantId> tenant, Optional<TrunkId> trunk,
                       String requestUser, String callerUser, List<Destination> destinations, String rule) {
            this(direction, tenant, trunk, requestUser, CallerIdentity.plain(callerUser), destinations, rule,
                    Optional.empty(), List.of());
        }

        /** The user part for the outgoing From. */
        public String callerUser() {
            return caller.fromUser();
        }
    }
}
