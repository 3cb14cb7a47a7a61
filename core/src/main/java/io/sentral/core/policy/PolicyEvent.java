package io.sentral.core.policy;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.util.Objects;

/**
 * A policy decision routing took for a call, carried in its {@code RoutePlan} so that the edge
 * and the metrics count and log it in one place (T5-T8). Each variant maps to one metric.
 */
public sealed interface PolicyEvent {

    TenantId tenant();

    TrunkId trunk();

    /** The presented caller-ID is not the customer's: {@code sentral_callerid_rejected_total}. */
    record CallerIdNotOwned(TenantId tenant, TrunkId trunk, CallerIdAction action, String presented)
            implements PolicyEvent {
        public CallerIdNotOwned {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(presented, "presented");
        }
    }

    /** A channel or calls-per-second limit refused a call (T7). */
    record LimitExceeded(TenantId tenant, TrunkId trunk, LimitKind limit) implements PolicyEvent {
        public LimitExceeded {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(limit, "limit");
        }
    }

    /** A barring refused a call (T8). */
    record CallBarred(TenantId tenant, TrunkId trunk, BarringClass bar) implements PolicyEvent {
        public CallBarred {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(bar, "bar");
        }
    }

    /** The customer's monthly cost limit refused a chargeable call (T8). */
    record CostLimitReached(TenantId tenant, TrunkId trunk) implements PolicyEvent {
        public CostLimitReached {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
        }
    }

    /**
     * Whether the edge could attach the caller's registered civic address to an emergency call
     * (T6): {@code sentral_emergency_calls_total{location=found|missing}}; missing raises an alarm.
     */
    record EmergencyLocation(TenantId tenant, TrunkId trunk, boolean found, String detail) implements PolicyEvent {
        public EmergencyLocation {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** An emergency call was recognised and sent to an emergency gateway (T6). */
    record EmergencyCall(TenantId tenant, TrunkId trunk, String service) implements PolicyEvent {
        public EmergencyCall {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(service, "service");
        }
    }
}
