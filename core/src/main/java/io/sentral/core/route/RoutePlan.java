package io.sentral.core.route;

import io.sentral.core.call.Diversion;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
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
                   Optional<EmergencyContext> emergency, List<PolicyEvent> events, List<Diversion> diversions)
            implements RoutePlan {
        public Forward {
            diversions = List.copyOf(diversions);
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

        /** A call that has not been diverted on its way. */
        public Forward(CallDirection direction, Optional<TenantId> tenant, Optional<TrunkId> trunk,
                       String requestUser, CallerIdentity caller, List<Destination> destinations, String rule,
                       Optional<EmergencyContext> emergency, List<PolicyEvent> events) {
            this(direction, tenant, trunk, requestUser, caller, destinations, rule, emergency, events, List.of());
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

    /**
     * Ring all of a switchboard user's {@code devices} at once (S1): the first to answer takes the
     * call and the others are cancelled. If none answers within {@code noAnswerAfter}, or all are
     * busy, the edge asks {@link SwitchboardRouter#divert} where the call goes next (S7).
     *
     * @param requestUser the number that was called (for logs and the call record)
     * @param devices     exact Request-URIs: the user's registered contacts, and the mobile through a
     *                    carrier gateway when the user has an extra terminal
     * @param noAnswerAfter present when the user forwards on no answer: stop ringing then and divert
     * @param diversions  the redirections the call went through on its way, oldest first
     */
    record RingUser(CallDirection direction, TenantId tenant, UserId user, String requestUser, CallerIdentity caller,
                    List<Destination> devices, Optional<Duration> noAnswerAfter, List<Diversion> diversions,
                    String rule, List<PolicyEvent> events) implements RoutePlan {
        public RingUser {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(requestUser, "requestUser");
            Objects.requireNonNull(caller, "caller");
            devices = List.copyOf(devices);
            if (devices.isEmpty()) {
                throw new IllegalArgumentException("ringing user " + user + " needs at least one device");
            }
            Objects.requireNonNull(noAnswerAfter, "noAnswerAfter");
            diversions = List.copyOf(diversions);
            Objects.requireNonNull(rule, "rule");
            events = List.copyOf(events);
        }
    }

    /**
     * Put the caller into a queue (S2): the queue engine takes over, the edge answers 182 Queued
     * and rings the agents the engine offers the call to.
     *
     * @param callerNumber the caller's number in E.164 (VIP list, S3), if the caller sent one
     */
    record JoinQueue(CallDirection direction, TenantId tenant, QueueName queue, String requestUser,
                     CallerIdentity caller, Optional<E164Number> callerNumber, List<Diversion> diversions,
                     String rule, List<PolicyEvent> events) implements RoutePlan {
        public JoinQueue {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(requestUser, "requestUser");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(callerNumber, "callerNumber");
            diversions = List.copyOf(diversions);
            Objects.requireNonNull(rule, "rule");
            events = List.copyOf(events);
        }
    }
}
