package io.sentral.routing;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.policy.LimitKind;
import io.sentral.core.tenant.TrunkId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live channel and calls-per-second counts of every trunk (T7), kept in memory. Routing's
 * {@link RouteRule#OUTBOUND_CAPACITY} stage asks {@link #admit} with the trunk's limits as the
 * current tenant snapshot has them, so a reload changes the limits and keeps the counts; the app
 * registers this object as a {@link CallEventListener} so that {@link CallEvent.Ended} gives the
 * channel back. Emergency calls take neither a channel nor a token: they are only counted
 * ({@link #countEmergency}).
 *
 * <p>Contract with the SIP edge: a channel is held by a Call-ID from admission until the edge
 * publishes {@code Ended} for that Call-ID, once for every INVITE it routed (forwarded or
 * rejected); {@code Ended} for an unknown Call-ID is ignored, so a second one is harmless. Before
 * routing an INVITE the router calls {@link #routing}: if its Call-ID already holds a channel,
 * the {@code Ended} that will follow the newcomer must not free the first call's channel, so the
 * channel waits for both. (Otherwise a PBX at its limit could free channels at will by sending
 * INVITEs that reuse the Call-IDs of its calls in progress.)
 *
 * <p>Retry-After: {@value #RATE_RETRY_SECONDS} s over the calls-per-second limit (the bucket has a
 * token again within a second), {@value #CHANNEL_RETRY_SECONDS} s over the channel limit (a
 * channel is freed when some call ends, typically minutes; a short hint lets a PBX try its other
 * trunks first and come back soon).
 *
 * <p>Thread-safe: calls arrive on several lanes. One lock guards all state; every operation is a
 * few map lookups, far below the cost of the SIP processing around it.
 */
public final class TrunkCapacity implements CallEventListener {
    static final int RATE_RETRY_SECONDS = 1;
    static final int CHANNEL_RETRY_SECONDS = 5;

    private final Clock clock;
    private final boolean enforcing;
    private final Map<TrunkId, TrunkState> trunks = new HashMap<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<TrunkId, Long> emergencyCalls = new HashMap<>();

    /** The channels and token bucket of one trunk. */
    private static final class TrunkState {
        private int channels;
        private TokenBucket bucket;
    }

    /** The channel a Call-ID holds, and how many routed INVITEs with that Call-ID have not ended yet. */
    private static final class Hold {
        private final TrunkId trunk;
        private int pendingEnds = 1;

        private Hold(TrunkId trunk) {
            this.trunk = trunk;
        }
    }

    /** Enforcing limits, with the token buckets on {@code clock}. */
    public TrunkCapacity(Clock clock) {
        this(clock, true);
    }

    private TrunkCapacity(Clock clock, boolean enforcing) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.enforcing = enforcing;
    }

    /**
     * Admits every call and holds nothing, only counting emergency calls: for routers built
     * without call events to release channels (tests, the compatibility constructors of
     * {@link DefaultCallRouter}), where enforcing would leak channels until a trunk is blocked.
     */
    public static TrunkCapacity notEnforced() {
        return new TrunkCapacity(Clock.systemUTC(), false);
    }

    /** Whether {@link #admit} applies limits ({@code false} for {@link #notEnforced()}). */
    public boolean enforcing() {
        return enforcing;
    }

    /**
     * An INVITE with this Call-ID is being routed, and the edge will publish one {@code Ended} for
     * it. Called by the router for every call, before any stage.
     */
    public synchronized void routing(String callId) {
        Objects.requireNonNull(callId, "callId");
        Hold hold = holds.get(callId);
        if (hold != null) {
            hold.pendingEnds++;
        }
    }

    /**
     * Takes a channel and a calls-per-second token for the call if the trunk has both.
     *
     * @param maxChannels       concurrent calls allowed, 0 = unlimited
     * @param maxCallsPerSecond new calls per second allowed (bucket size and refill rate), 0 = unlimited
     */
    public synchronized Admission admit(TrunkId trunk, String callId, int maxChannels, int maxCallsPerSecond) {
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(callId, "callId");
        if (maxChannels < 0 || maxCallsPerSecond < 0) {
            throw new IllegalArgumentException("limits of " + trunk + " must not be negative");
        }
        if (!enforcing) {
            return new Admission.Admitted();
        }
        if (holds.containsKey(callId)) {
            return new Admission.DuplicateCallId();
        }
        TrunkState state = trunks.computeIfAbsent(trunk, t -> new TrunkState());
        if (maxChannels > 0 && state.channels >= maxChannels) {
            return new Admission.OverLimit(LimitKind.CHANNELS, maxChannels, Duration.ofSeconds(CHANNEL_RETRY_SECONDS));
        }
        if (maxCallsPerSecond > 0) {
            if (state.bucket == null) {
                state.bucket = new TokenBucket(clock.instant(), maxCallsPerSecond);
            }
            if (!state.bucket.tryTake(clock.instant(), maxCallsPerSecond)) {
                return new Admission.OverLimit(LimitKind.CALLS_PER_SECOND, maxCallsPerSecond,
                        Duration.ofSeconds(RATE_RETRY_SECONDS));
            }
        }
        state.channels++;
        holds.put(callId, new Hold(trunk));
        return new Admission.Admitted();
    }

    /**
     * Gives back the channel of a call that was admitted and then refused by a later routing
     * stage; its {@code Ended} will then find nothing to release. Unknown Call-IDs are ignored.
     * The calls-per-second token stays taken: the attempt was made.
     */
    public synchronized void release(String callId) {
        Hold hold = holds.remove(callId);
        if (hold != null) {
            freeChannel(hold.trunk);
        }
    }

    /** An emergency call went out from the trunk: counted, never limited (T6). */
    public synchronized void countEmergency(TrunkId trunk) {
        emergencyCalls.merge(Objects.requireNonNull(trunk, "trunk"), 1L, Long::sum);
    }

    /** Emergency calls the trunk has made since start (for {@code sentral_emergency_calls_total}-style gauges). */
    public synchronized long emergencyCalls(TrunkId trunk) {
        return emergencyCalls.getOrDefault(trunk, 0L);
    }

    /** Channels the trunk holds now ({@code sentral_trunk_active_calls}); emergency calls not included. */
    public synchronized int activeChannels(TrunkId trunk) {
        TrunkState state = trunks.get(trunk);
        return state == null ? 0 : state.channels;
    }

    @Override
    public synchronized void onEvent(CallEvent event) {
        if (event instanceof CallEvent.Ended ended) {
            Hold hold = holds.get(ended.callId());
            if (hold == null) {
                return;
            }
            hold.pendingEnds--;
            if (hold.pendingEnds <= 0) {
                holds.remove(ended.callId());
                freeChannel(hold.trunk);
            }
        }
    }

    private void freeChannel(TrunkId trunk) {
        TrunkState state = trunks.get(trunk);
        if (state != null && state.channels > 0) {
            state.channels--;
        }
    }
}
