package io.sentral.core.call;

import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Facts about a call, published by the SIP edge to call records, metrics and listeners. */
public sealed interface CallEvent {

    String callId();

    Instant at();

    /**
     * A call was accepted for routing. {@code callId} is the incoming leg's Call-ID;
     * {@code callerUser} the switchboard user whose device placed it, {@code calleeUser} the user it
     * rings directly (S1), if any — for the users' call logs (S12).
     */
    record Started(String callId, Instant at, CallDirection direction, Optional<TenantId> tenant,
                   Optional<TrunkId> trunk, String caller, String callee, String source,
                   Optional<UserId> callerUser, Optional<UserId> calleeUser) implements CallEvent {
        public Started {
            Objects.requireNonNull(callerUser, "callerUser");
            Objects.requireNonNull(calleeUser, "calleeUser");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(callee, "callee");
            Objects.requireNonNull(source, "source");
        }

        /** A call of no switchboard user (trunks, carriers). */
        public Started(String callId, Instant at, CallDirection direction, Optional<TenantId> tenant,
                       Optional<TrunkId> trunk, String caller, String callee, String source) {
            this(callId, at, direction, tenant, trunk, caller, callee, source, Optional.empty(), Optional.empty());
        }
    }

    /** The callee answered (2xx to the initial INVITE). */
    record Answered(String callId, Instant at) implements CallEvent {
        public Answered {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The call is over. {@code status} is the final SIP status of the setup (200 for an answered
     * call); {@code cause} says how it ended.
     */
    record Ended(String callId, Instant at, int status, EndCause cause) implements CallEvent {
        public Ended {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * The call was transferred (S8): {@code by} handed the other party on to {@code target} (as
     * dialled, or the other call's Call-ID for an attended transfer), blind or attended. Several
     * transfers of one call form its chain.
     */
    record Transferred(String callId, Instant at, String by, String target, boolean attended) implements CallEvent {
        public Transferred {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(target, "target");
        }
    }
}
