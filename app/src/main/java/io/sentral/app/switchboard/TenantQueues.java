package io.sentral.app.switchboard;

import io.sentral.app.switchboard.AgentPresence.Presence;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.CallId;
import io.sentral.routing.queue.Join;
import io.sentral.routing.queue.QueueAction;
import io.sentral.routing.queue.QueueBoard;
import io.sentral.routing.queue.QueueDecision;
import io.sentral.routing.queue.QueueEngine;
import io.sentral.routing.queue.QueueEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's queue engine at run time, confined to the switchboard lane: feeds it the edge's
 * events and the agents' presence, has every decision executed, keeps the one wake-up timer the
 * engine asks for (each decision's wake-up time replaces the previous one), and remembers which
 * callers it holds so that the edge's call ids find their tenant.
 *
 * <p>An engine is built from one version of the tenant's queues. When they change, the runtime
 * builds a new one and lets it {@link #takeOver} the old one's connected queue calls: their agents
 * count as being on another call until the call ends (no wrap-up follows).
 */
final class TenantQueues {
    private static final Logger LOG = LoggerFactory.getLogger(TenantQueues.class);

    private final TenantId tenant;
    private final List<Queue> queues;
    private final Set<UserId> members = new LinkedHashSet<>();
    private final QueueEngine engine;
    private Set<E164Number> vips;
    private final DecisionExecutor executor;
    private final Lane lane;
    private final Clock clock;
    /** Callers of every running engine, call id → tenant; shared by all tenants' engines. */
    private final Map<String, TenantId> calls;
    /** What the engine has been told about each agent's presence. */
    private final Map<UserId, Presence> told = new HashMap<>();
    /** Answered queue calls, call id → agent, until they end. */
    private final Map<String, UserId> connected = new LinkedHashMap<>();
    /** Connected calls of a replaced engine: their agents are on "another call" here until they end. */
    private final Map<String, UserId> carriedOver = new LinkedHashMap<>();
    /** The queue change last logged as waiting for nobody to wait, so it is logged once. */
    private List<Queue> deferredChange;
    private ScheduledFuture<?> wakeUp;
    private Instant wakeUpAt;
    private boolean stopped;

    TenantQueues(TenantId tenant, List<Queue> queues, Set<E164Number> vips, QueueEngine engine,
                 DecisionExecutor executor, Lane lane, Clock clock, Map<String, TenantId> calls) {
        this.tenant = tenant;
        this.queues = List.copyOf(queues);
        this.vips = Set.copyOf(vips);
        this.engine = engine;
        this.executor = executor;
        this.lane = lane;
        this.clock = clock;
        this.calls = calls;
        queues.forEach(q -> members.addAll(q.members()));
    }

    TenantId tenant() {
        return tenant;
    }

    /** The queues the engine was built from. */
    List<Queue> queues() {
        return queues;
    }

    boolean runs(QueueName queue) {
        return queues.stream().anyMatch(q -> q.name().equals(queue));
    }

    boolean hasMember(UserId agent) {
        return members.contains(agent);
    }

    /** Whether no caller waits or rings in any queue (connected calls may go on). */
    boolean nobodyWaiting() {
        return engine.boards().stream().allMatch(b -> b.callersWaiting() == 0);
    }

    List<QueueBoard> boards() {
        return engine.boards();
    }

    // ---- the edge's events ----------------------------------------------------------------------

    void join(Join join) {
        apply(engine.join(join));
    }

    /** The caller hung up: abandoned while waiting or ringing, ended while connected. */
    void callerLeft(String callId) {
        if (!endCarriedOver(callId)) {
            apply(engine.callerHungUp(CallId.of(callId)));
        }
    }

    void callEnded(String callId) {
        if (!endCarriedOver(callId)) {
            apply(engine.callEnded(CallId.of(callId)));
        }
    }

    void answered(String callId, UserId agent) {
        apply(engine.answered(CallId.of(callId), agent));
    }

    void declined(String callId, UserId agent) {
        apply(engine.declined(CallId.of(callId), agent));
    }

    void otherCall(UserId agent, boolean onCall) {
        apply(onCall ? engine.otherCallStarted(agent) : engine.otherCallEnded(agent));
    }

    // ---- provisioning and presence ---------------------------------------------------------------

    /** Re-orders waiting callers when the tenant's VIP list (S3) differs from the engine's. */
    void vipListChanged(Set<E164Number> newVips) {
        if (!vips.equals(newVips)) {
            vips = Set.copyOf(newVips);
            LOG.info("VIP list of {} changed: {} number(s)", tenant, vips.size());
            apply(engine.vipListChanged(vips));
        }
    }

    /** Whether this queue change is news (to log it once while it waits for nobody to wait). */
    boolean firstDeferral(List<Queue> change) {
        if (change.equals(deferredChange)) {
            return false;
        }
        deferredChange = change;
        return true;
    }

    /**
     * Tells the engine what changed about each member since the last sync: log in while a device
     * is registered, log out when none is, absent while an absence is in force. Restrictive
     * changes go first, so an agent who registers during an absence is never offered a call in
     * between. A member whose presence cannot be read keeps the last known one.
     */
    void syncPresence(AgentPresence presence) {
        for (UserId agent : members) {
            try {
                update(agent, presence.of(agent));
            } catch (RuntimeException e) {
                LOG.warn("presence of agent {} of {} not synced: {}", agent, tenant, e.toString(), e);
            }
        }
    }

    private void update(UserId agent, Presence now) {
        Presence was = told.getOrDefault(agent, Presence.UNKNOWN);
        if (now.equals(was)) {
            return;
        }
        LOG.debug("agent {}: {} -> {}", agent, was, now);
        if (now.absent() && !was.absent()) {
            apply(engine.markAbsent(agent));
        }
        if (!now.loggedIn() && was.loggedIn()) {
            apply(engine.logOut(agent));
        }
        if (!now.absent() && was.absent()) {
            apply(engine.markAvailable(agent));
        }
        if (now.loggedIn() && !was.loggedIn()) {
            apply(engine.logIn(agent));
        }
        told.put(agent, now);
    }

    /**
     * Takes over from the engine this one replaces: its connected queue calls (agents still
     * members stay busy until the call ends) and the agents' calls outside the queues.
     */
    void takeOver(TenantQueues previous, Map<UserId, Integer> otherCalls) {
        Map<String, UserId> onCall = new LinkedHashMap<>(previous.connected);
        onCall.putAll(previous.carriedOver);
        onCall.forEach((callId, agent) -> {
            if (members.contains(agent)) {
                carriedOver.put(callId, agent);
                calls.put(callId, tenant);
                apply(engine.otherCallStarted(agent));
            } else {
                calls.remove(callId, tenant);
            }
        });
        otherCalls.forEach((agent, count) -> {
            if (members.contains(agent)) {
                for (int i = 0; i < count; i++) {
                    apply(engine.otherCallStarted(agent));
                }
            }
        });
    }

    /** Stops the wake-up timer; a stopped engine takes no more ticks. */
    void stop() {
        stopped = true;
        cancelWakeUp();
    }

    // ---- time -----------------------------------------------------------------------------------

    private void tick() {
        wakeUp = null;
        wakeUpAt = null;
        if (!stopped) {
            apply(engine.tick());
        }
    }

    /** Re-arms the timer if a failure lost it while the engine still has something pending. */
    void keepAwake() {
        if (wakeUp == null && !stopped) {
            wakeUpAt(engine.nextWakeUp());
        }
    }

    private void wakeUpAt(Optional<Instant> at) {
        if (stopped || (wakeUp != null && at.isPresent() && at.get().equals(wakeUpAt))) {
            return;
        }
        cancelWakeUp();
        at.ifPresent(instant -> {
            wakeUpAt = instant;
            wakeUp = lane.schedule("tick of " + tenant, Duration.between(clock.instant(), instant), () -> {
                try (LogContext ignored = LogContext.tenant(tenant)) {
                    tick();
                }
            }).orElse(null);
        });
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUp = null;
        wakeUpAt = null;
    }

    // ---- decisions ------------------------------------------------------------------------------

    /** Books the decision's callers, re-arms the timer, then has the edge execute it. */
    private void apply(QueueDecision decision) {
        track(decision);
        wakeUpAt(decision.wakeUpAt());
        executor.execute(tenant, decision);
    }

    private void track(QueueDecision decision) {
        decision.actions(QueueAction.Connect.class).forEach(c -> connected.put(c.callId().value(), c.agent()));
        Stream.concat(decision.actions().stream().map(QueueAction::callId),
                        decision.events(QueueEvent.CallerEvent.class).stream().map(QueueEvent.CallerEvent::callId))
                .distinct()
                .forEach(id -> {
                    if (engine.callerState(id).isPresent()) {
                        calls.put(id.value(), tenant);
                    } else {
                        calls.remove(id.value(), tenant);
                        connected.remove(id.value());
                    }
                });
    }

    private boolean endCarriedOver(String callId) {
        UserId agent = carriedOver.remove(callId);
        if (agent == null) {
            return false;
        }
        calls.remove(callId, tenant);
        apply(engine.otherCallEnded(agent));
        return true;
    }
}
