package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.switchboard.WhenNoAgent;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The queue engine (ACD) of one tenant's answer groups (S2-S5): callers wait in line (VIPs
 * first, S3), agents are picked by the queue's strategy, callers overflow on max wait, full
 * queue or no agent (S4), agents move through ringing, busy and wrap-up (S5).
 *
 * <p>Where it sits: the SIP edge feeds it events (a caller joins or hangs up, an agent answers,
 * declines or ends the call, logs in or out, is marked absent) and executes the returned
 * {@link QueueDecision}'s actions. The engine does no I/O and has no timers: every decision says
 * when the engine next wants {@link #tick()} called, and the edge schedules one wake-up per
 * engine. All times come from the injected clock.
 *
 * <p>Threads: one engine per tenant, because agents are shared across a tenant's queues (an agent
 * ringing for one queue is not offered another's call) and never across tenants. Every public
 * method takes the engine's one lock, so calls from different call lanes are serialised; each
 * step is short and in-memory.
 *
 * <p>Decisions made here (see {@link Join}): an overflowed-in caller keeps its original join time
 * for reported waits and for its place in line, but each queue's max wait counts from when the
 * caller entered that queue, so a chain of queues never overflows a caller on arrival. A max
 * wait of zero means no limit. A queue without an overflow target turns a caller away at max
 * wait ({@link CallerState#TIMED_OUT}, the {@code timeout} outcome of the queue metrics) and when
 * full, and otherwise lets callers wait although nobody is available.
 */
public final class QueueEngine {
    private final Object lock = new Object();
    private final Clock clock;
    private final Map<QueueName, LiveQueue> queues = new LinkedHashMap<>();
    private final Map<UserId, Agent> agents = new LinkedHashMap<>();
    private final Map<CallId, QueuedCaller> callers = new HashMap<>();
    private Set<E164Number> vips;
    private long arrivals;

    /**
     * @param queues the tenant's queues; their order is the order in which queues are served when
     *               an agent of several queues becomes free
     * @param vips   the tenant's VIP numbers (S3)
     */
    public QueueEngine(Collection<QueueSettings> queues, Set<E164Number> vips, Clock clock) {
        Objects.requireNonNull(queues, "queues");
        this.vips = Set.copyOf(vips);
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<TenantId> tenants = queues.stream().map(q -> q.queue().tenant()).collect(Collectors.toSet());
        if (tenants.size() > 1) {
            throw new IllegalArgumentException("one queue engine serves one tenant, got " + tenants);
        }
        Instant now = clock.instant();
        for (QueueSettings settings : queues) {
            if (this.queues.put(settings.name(), new LiveQueue(settings)) != null) {
                throw new IllegalArgumentException("queue " + settings.name() + " given twice");
            }
            settings.queue().members().forEach(m -> agents.computeIfAbsent(m, id -> new Agent(id, now)));
        }
    }

    /** The engine of a provisioned tenant, every queue with {@link QueueSettings#of} (the demo's rules). */
    public static QueueEngine forTenant(TenantSnapshot snapshot, TenantId tenant, Clock clock) {
        CustomerProvisioning p = snapshot.provisioning(tenant)
                .orElseThrow(() -> new IllegalArgumentException("no provisioning for tenant " + tenant));
        return new QueueEngine(p.queues().stream().map(QueueSettings::of).toList(),
                p.vipList().stream().map(VipEntry::number).collect(Collectors.toSet()), clock);
    }

    // ---- callers -------------------------------------------------------------------------

    /**
     * A caller arrives. Admission rules, in order, each counted on the board: the queue is full
     * ({@link OverflowReason#QUEUE_FULL}: overflow, or reject without target); nobody can take it
     * ({@link WhenNoAgent}: overflow at once); otherwise the caller is queued and, if an agent is
     * free, offered at once.
     */
    public QueueDecision join(Join join) {
        Objects.requireNonNull(join, "join");
        return step(out -> {
            LiveQueue queue = queue(join.queue());
            if (callers.containsKey(join.callId())) {
                throw new IllegalArgumentException("caller " + join.callId() + " is already queued");
            }
            Instant now = out.now;
            QueuedCaller caller = new QueuedCaller(join, join.caller().map(vips::contains).orElse(false), now,
                    arrivals++);
            if (queue.isFull()) {
                turnAway(queue, caller, OverflowReason.QUEUE_FULL, out);
                return;
            }
            Optional<OverflowReason> nobody = nobodyToRing(queue);
            if (nobody.isPresent()) {
                turnAway(queue, caller, nobody.get(), out);
                return;
            }
            queue.add(caller);
            callers.put(caller.id, caller);
            int position = queue.positionOf(caller);
            out.actions.add(new QueueAction.Queued(caller.id, queue.name(), position));
            out.events.add(new QueueEvent.Joined(now, queue.name(), caller.id, caller.vip, position,
                    join.overflowedFrom()));
        });
    }

    /**
     * The caller hung up. While waiting or being offered: removed at once and counted as
     * abandoned with its wait (offers cancelled). While connected: the same as {@link #callEnded}.
     * An unknown call (already gone) changes nothing.
     */
    public QueueDecision callerHungUp(CallId callId) {
        Objects.requireNonNull(callId, "callId");
        return step(out -> hangUp(callId, out));
    }

    /**
     * An offered agent answered. The first answer wins: the caller is connected, every other
     * offer of the call is cancelled. An answer the engine no longer expects (the offer was
     * withdrawn, the caller left) changes nothing; the edge releases that late leg itself.
     */
    public QueueDecision answered(CallId callId, UserId agentId) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agent");
        return step(out -> {
            QueuedCaller caller = callers.get(callId);
            if (caller == null || caller.state() != CallerState.OFFERED || !caller.offeredTo.contains(agentId)) {
                return;
            }
            LiveQueue queue = queue(caller.queue);
            caller.offeredTo.remove(agentId);
            cancelOffers(caller, CancelReason.ANSWERED_ELSEWHERE, out);
            Agent agent = agents.get(agentId);
            agent.ringingFor = null;
            agent.onQueueCall = callId;
            agent.queueCallFrom = queue.name();
            agent.misses = 0;
            caller.moveTo(CallerState.CONNECTED);
            caller.agent = agentId;
            caller.connectedAt = out.now;
            queue.remove(caller);
            queue.countAnswer(agentId);
            out.actions.add(new QueueAction.Connect(callId, agentId));
            out.events.add(new QueueEvent.Answered(out.now, queue.name(), callId, agentId, caller.waitedAt(out.now)));
        });
    }

    /**
     * An offered agent declined or was busy (486/603/480 from all of the agent's devices): the
     * agent is skipped for this call, not counted towards autopause.
     */
    public QueueDecision declined(CallId callId, UserId agentId) {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(agentId, "agent");
        return step(out -> {
            QueuedCaller caller = callers.get(callId);
            if (caller == null || caller.state() != CallerState.OFFERED || !caller.offeredTo.contains(agentId)) {
                return;
            }
            agents.get(agentId).ringingFor = null;
            miss(caller, agentId, MissReason.DECLINED, out);
        });
    }

    /**
     * A connected queue call ended (either side hung up): the agent goes to wrap-up for the
     * queue's wrap-up time, then is available again. Not connected: as {@link #callerHungUp}.
     */
    public QueueDecision callEnded(CallId callId) {
        Objects.requireNonNull(callId, "callId");
        return step(out -> hangUp(callId, out));
    }

    /** The customer's VIP list changed (S3): callers already waiting are re-ordered. */
    public QueueDecision vipListChanged(Set<E164Number> newVips) {
        Objects.requireNonNull(newVips, "vips");
        return step(out -> {
            vips = Set.copyOf(newVips);
            callers.values().forEach(c -> c.vip = c.number.map(vips::contains).orElse(false));
        });
    }

    // ---- agents --------------------------------------------------------------------------

    /** The agent logs into one queue it is a member of (DEMO: while a device is registered). */
    public QueueDecision logIn(UserId agent, QueueName queue) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        return step(out -> logInto(member(agent, queue), queue, out.now));
    }

    /** The agent logs into every queue it is a member of. */
    public QueueDecision logIn(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> queuesOf(agent).forEach(q -> logInto(agents.get(agent), q, out.now)));
    }

    /** The agent logs out of one queue; an offer of that queue's call ringing it is withdrawn. */
    public QueueDecision logOut(UserId agent, QueueName queue) {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(queue, "queue");
        return step(out -> {
            Agent a = member(agent, queue);
            a.loggedInto.remove(queue);
            withdrawIfUnavailable(a, out);
        });
    }

    /** The agent logs out of every queue (DEMO: the last device unregistered). */
    public QueueDecision logOut(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> {
            Agent a = known(agent);
            a.loggedInto.clear();
            withdrawIfUnavailable(a, out);
        });
    }

    /** The agent is marked absent (S6): skipped in every queue; a ringing offer is withdrawn. */
    public QueueDecision markAbsent(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> {
            Agent a = known(agent);
            a.absent = true;
            withdrawIfUnavailable(a, out);
        });
    }

    /** The agent is made available again: ends an absence and an autopause. */
    public QueueDecision markAvailable(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> {
            Agent a = known(agent);
            a.absent = false;
            a.paused = false;
            a.misses = 0;
        });
    }

    /** The agent took a direct (non-queue) call: busy for every queue; a ringing offer is withdrawn. */
    public QueueDecision otherCallStarted(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> {
            Agent a = known(agent);
            a.otherCalls++;
            withdrawIfUnavailable(a, out);
        });
    }

    /** A direct call of the agent ended; no wrap-up follows it (DEMO.md). */
    public QueueDecision otherCallEnded(UserId agent) {
        Objects.requireNonNull(agent, "agent");
        return step(out -> {
            Agent a = known(agent);
            if (a.otherCalls > 0 && --a.otherCalls == 0 && a.onQueueCall == null && a.wrapUpUntil == null) {
                a.idleSince = out.now;
            }
        });
    }

    // ---- time ----------------------------------------------------------------------------

    /**
     * Time passed: ends due wrap-ups, overflows or times out callers past max wait, withdraws
     * offers past their ring timeout (the agent is skipped for that call, and paused after the
     * queue's autopause count of misses in a row), then offers waiting callers. Call it at the
     * decision's wake-up time; calling it early or more often is harmless.
     */
    public QueueDecision tick() {
        return step(out -> {
        });
    }

    // ---- read side -----------------------------------------------------------------------

    /** The board of one queue now (S14). */
    public QueueBoard board(QueueName queue) {
        Objects.requireNonNull(queue, "queue");
        synchronized (lock) {
            return queue(queue).board(agents, clock.instant());
        }
    }

    /** The boards of all queues, in configured order. */
    public List<QueueBoard> boards() {
        synchronized (lock) {
            Instant now = clock.instant();
            return queues.values().stream().map(q -> q.board(agents, now)).toList();
        }
    }

    /** Where a caller is; empty once it has left (abandoned, overflowed, ended…). */
    public Optional<CallerState> callerState(CallId callId) {
        synchronized (lock) {
            return Optional.ofNullable(callers.get(callId)).map(QueuedCaller::state);
        }
    }

    public AgentState agentState(UserId agent) {
        synchronized (lock) {
            return known(agent).state();
        }
    }

    /** When the engine next wants {@link #tick()}; empty when nothing is pending. */
    public Optional<Instant> nextWakeUp() {
        synchronized (lock) {
            return wakeUp();
        }
    }

    // ---- the step: input, then time-driven transitions, then offers ------------------------

    /** Collects one step's output. */
    private static final class Out {
        final Instant now;
        final List<QueueAction> actions = new ArrayList<>();
        final List<QueueEvent> events = new ArrayList<>();

        Out(Instant now) {
            this.now = now;
        }
    }

    /**
     * Runs one input, then everything that is due at the same instant, then offers waiting
     * callers, and reports agent state changes: every public input goes through here, so no
     * input can leave the engine with a due deadline or an idle agent next to a waiting caller.
     */
    private QueueDecision step(Consumer<Out> input) {
        synchronized (lock) {
            Out out = new Out(clock.instant());
            Map<UserId, AgentState> before = agentStates();
            input.accept(out);
            expire(out);
            offer(out);
            agentStates().forEach((id, state) -> {
                if (before.get(id) != state) {
                    out.events.add(new QueueEvent.AgentStateChanged(out.now, id, before.get(id), state));
                }
            });
            return new QueueDecision(out.actions, out.events, wakeUp());
        }
    }

    private void expire(Out out) {
        for (Agent agent : agents.values()) {
            if (agent.wrapUpUntil != null && !agent.wrapUpUntil.isAfter(out.now)) {
                agent.idleSince = agent.wrapUpUntil;
                agent.wrapUpUntil = null;
            }
        }
        for (LiveQueue queue : queues.values()) {
            for (QueuedCaller caller : queue.inLine()) {
                if (queue.maxWaitEnd(caller).filter(end -> !end.isAfter(out.now)).isPresent()) {
                    maxWaitReached(queue, caller, out);
                }
            }
            for (QueuedCaller caller : queue.inLine()) {
                if (caller.state() == CallerState.OFFERED && !caller.ringUntil.isAfter(out.now)) {
                    for (UserId agentId : List.copyOf(caller.offeredTo)) {
                        Agent agent = agents.get(agentId);
                        agent.ringingFor = null;
                        out.actions.add(new QueueAction.CancelOffer(caller.id, agentId, CancelReason.RING_TIMEOUT));
                        int autopause = queue.settings.autopauseAfterMisses();
                        if (++agent.misses >= autopause && autopause > 0) {
                            agent.paused = true;
                        }
                        miss(caller, agentId, MissReason.NO_ANSWER, out);
                    }
                }
            }
        }
    }

    /** Offers every waiting caller, queue by queue in line order, to the agents its strategy picks. */
    private void offer(Out out) {
        for (LiveQueue queue : queues.values()) {
            for (QueuedCaller caller : queue.inLine()) {
                if (caller.state() != CallerState.WAITING) {
                    continue;
                }
                List<Agent> candidates = candidates(queue, caller);
                if (candidates.isEmpty()) {
                    Optional<OverflowReason> nobody = nobodyToRing(queue);
                    if (nobody.isPresent()) {
                        cancelOffers(caller, CancelReason.CALLER_MOVED, out);
                        caller.moveTo(CallerState.OVERFLOWED);
                        leave(queue, caller);
                        turnAway(queue, caller, nobody.get(), out);
                        continue;
                    }
                    if (queue.members().stream().anyMatch(m -> agents.get(m).availableFor(queue.name()))) {
                        caller.skipped.clear();
                        candidates = candidates(queue, caller);
                    }
                }
                if (!candidates.isEmpty()) {
                    ring(queue, caller, AgentSelection.pick(queue, candidates), out);
                }
            }
        }
    }

    private void ring(LiveQueue queue, QueuedCaller caller, List<UserId> picked, Out out) {
        Instant until = out.now.plus(queue.settings.queue().ringTimeout());
        caller.moveTo(CallerState.OFFERED);
        caller.ringUntil = until;
        caller.offeredTo.addAll(picked);
        picked.forEach(id -> agents.get(id).ringingFor = caller.id);
        queue.lastOffered = picked.getLast();
        out.actions.add(new QueueAction.Offer(caller.id, queue.name(), caller.number, picked, until));
        out.events.add(new QueueEvent.Offered(out.now, queue.name(), caller.id, picked));
    }

    private List<Agent> candidates(LiveQueue queue, QueuedCaller caller) {
        return queue.members().stream().map(agents::get)
                .filter(a -> a.availableFor(queue.name()) && !caller.skipped.contains(a.id))
                .toList();
    }

    /**
     * The named no-agent rules (S4, {@link WhenNoAgent}); they apply only to a queue with an
     * overflow target, since without one the caller may as well wait for max wait. Agents who
     * are ringing, busy or in wrap-up still staff the queue: callers wait for them.
     */
    private Optional<OverflowReason> nobodyToRing(LiveQueue queue) {
        if (queue.settings.queue().overflow().isEmpty()) {
            return Optional.empty();
        }
        List<Agent> loggedIn = queue.members().stream().map(agents::get)
                .filter(a -> a.loggedInto.contains(queue.name())).toList();
        boolean anyPresent = loggedIn.stream().anyMatch(a -> !a.absent && !a.paused);
        return switch (queue.settings.whenNoAgent()) {
            case WAIT -> Optional.empty();
            case OVERFLOW_WHEN_NONE_LOGGED_IN -> loggedIn.isEmpty() ? Optional.of(OverflowReason.NO_AGENTS_LOGGED_IN)
                    : Optional.empty();
            case OVERFLOW_WHEN_NONE_AVAILABLE -> loggedIn.isEmpty() ? Optional.of(OverflowReason.NO_AGENTS_LOGGED_IN)
                    : !anyPresent ? Optional.of(OverflowReason.NO_AGENTS_AVAILABLE)
                    : Optional.empty();
        };
    }

    private void maxWaitReached(LiveQueue queue, QueuedCaller caller, Out out) {
        if (queue.settings.queue().overflow().isPresent()) {
            cancelOffers(caller, CancelReason.CALLER_MOVED, out);
            caller.moveTo(CallerState.OVERFLOWED);
            leave(queue, caller);
            turnAway(queue, caller, OverflowReason.MAX_WAIT, out);
            return;
        }
        cancelOffers(caller, CancelReason.CALLER_MOVED, out);
        caller.moveTo(CallerState.TIMED_OUT);
        leave(queue, caller);
        queue.timedOut++;
        out.actions.add(new QueueAction.Reject(caller.id, queue.name(), RejectReason.TIMED_OUT));
        out.events.add(new QueueEvent.TimedOut(out.now, queue.name(), caller.id, caller.waitedAt(out.now)));
    }

    /**
     * Sends a caller who is not (or no longer) in line to the overflow target, or rejects it when
     * there is none or the target is a queue the caller has already been through.
     */
    private void turnAway(LiveQueue queue, QueuedCaller caller, OverflowReason reason, Out out) {
        Optional<CallTarget> target = queue.settings.queue().overflow();
        if (target.isEmpty()) {
            queue.rejected++;
            out.actions.add(new QueueAction.Reject(caller.id, queue.name(), RejectReason.QUEUE_FULL));
            out.events.add(new QueueEvent.Rejected(out.now, queue.name(), caller.id, RejectReason.QUEUE_FULL));
            return;
        }
        if (target.get() instanceof CallTarget.ToQueue next && caller.path.contains(next.queue())) {
            queue.rejected++;
            out.actions.add(new QueueAction.Reject(caller.id, queue.name(), RejectReason.OVERFLOW_LOOP));
            out.events.add(new QueueEvent.Rejected(out.now, queue.name(), caller.id, RejectReason.OVERFLOW_LOOP));
            return;
        }
        queue.countOverflow(reason);
        List<QueueName> path = Stream.concat(caller.path.stream(), Stream.of(queue.name())).toList();
        out.actions.add(new QueueAction.Overflow(caller.id, queue.name(), target.get(), reason, caller.originalJoin, path));
        out.events.add(new QueueEvent.Overflowed(out.now, queue.name(), caller.id, reason, target.get(),
                caller.waitedAt(out.now)));
    }

    /** An offered agent did not take the call: skipped for it; back to waiting when nobody rings. */
    private void miss(QueuedCaller caller, UserId agentId, MissReason reason, Out out) {
        caller.offeredTo.remove(agentId);
        caller.skipped.add(agentId);
        out.events.add(new QueueEvent.Missed(out.now, caller.queue, caller.id, agentId, reason));
        if (caller.offeredTo.isEmpty()) {
            caller.moveTo(CallerState.WAITING);
        }
    }

    private void cancelOffers(QueuedCaller caller, CancelReason reason, Out out) {
        for (UserId agentId : caller.offeredTo) {
            agents.get(agentId).ringingFor = null;
            out.actions.add(new QueueAction.CancelOffer(caller.id, agentId, reason));
        }
        caller.offeredTo.clear();
    }

    /** Withdraws the offer ringing an agent who can no longer take it (logged out, absent, on a call). */
    private void withdrawIfUnavailable(Agent agent, Out out) {
        if (agent.ringingFor == null) {
            return;
        }
        QueuedCaller caller = callers.get(agent.ringingFor);
        if (agent.loggedInto.contains(caller.queue) && !agent.absent && agent.otherCalls == 0) {
            return;
        }
        agent.ringingFor = null;
        caller.offeredTo.remove(agent.id);
        out.actions.add(new QueueAction.CancelOffer(caller.id, agent.id, CancelReason.AGENT_UNAVAILABLE));
        if (caller.offeredTo.isEmpty()) {
            caller.moveTo(CallerState.WAITING);
        }
    }

    /** Either side hung up: a connected call ends, a waiting or offered caller abandons. */
    private void hangUp(CallId callId, Out out) {
        QueuedCaller caller = callers.get(callId);
        if (caller == null) {
            return;
        }
        if (caller.state() == CallerState.CONNECTED) {
            end(caller, out);
            return;
        }
        LiveQueue queue = queue(caller.queue);
        cancelOffers(caller, CancelReason.CALLER_LEFT, out);
        caller.moveTo(CallerState.ABANDONED);
        leave(queue, caller);
        queue.abandoned++;
        out.events.add(new QueueEvent.Abandoned(out.now, queue.name(), callId, caller.waitedAt(out.now)));
    }

    private void end(QueuedCaller caller, Out out) {
        Agent agent = agents.get(caller.agent);
        caller.moveTo(CallerState.ENDED);
        callers.remove(caller.id);
        agent.onQueueCall = null;
        Duration wrapUp = queue(agent.queueCallFrom).settings.queue().wrapUp();
        agent.queueCallFrom = null;
        if (wrapUp.isZero()) {
            agent.idleSince = out.now;
        } else {
            agent.wrapUpUntil = out.now.plus(wrapUp);
        }
        out.events.add(new QueueEvent.Ended(out.now, caller.queue, caller.id, agent.id,
                Duration.between(caller.connectedAt, out.now)));
    }

    private void leave(LiveQueue queue, QueuedCaller caller) {
        queue.remove(caller);
        callers.remove(caller.id);
    }

    private void logInto(Agent agent, QueueName queue, Instant now) {
        if (agent.loggedInto.isEmpty() && agent.state() == AgentState.LOGGED_OUT) {
            agent.idleSince = now;
        }
        agent.loggedInto.add(queue);
    }

    private Optional<Instant> wakeUp() {
        Stream<Instant> rings = callers.values().stream()
                .filter(c -> c.state() == CallerState.OFFERED).map(c -> c.ringUntil);
        Stream<Instant> maxWaits = queues.values().stream()
                .flatMap(q -> q.inLine().stream().flatMap(c -> q.maxWaitEnd(c).stream()));
        Stream<Instant> wrapUps = agents.values().stream().flatMap(a -> a.wrapUpEnd().stream());
        return Stream.of(rings, maxWaits, wrapUps).flatMap(s -> s).min(Instant::compareTo);
    }

    private Map<UserId, AgentState> agentStates() {
        Map<UserId, AgentState> states = new LinkedHashMap<>();
        agents.forEach((id, a) -> states.put(id, a.state()));
        return states;
    }

    private LiveQueue queue(QueueName name) {
        LiveQueue queue = queues.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("no queue " + name + " in this engine: " + queues.keySet());
        }
        return queue;
    }

    private Agent known(UserId agent) {
        Agent a = agents.get(agent);
        if (a == null) {
            throw new IllegalArgumentException(agent + " is a member of no queue in this engine");
        }
        return a;
    }

    private Agent member(UserId agent, QueueName queue) {
        if (!queue(queue).members().contains(agent)) {
            throw new IllegalArgumentException(agent + " is not a member of queue " + queue);
        }
        return agents.get(agent);
    }

    private List<QueueName> queuesOf(UserId agent) {
        known(agent);
        return queues.values().stream().filter(q -> q.members().contains(agent)).map(LiveQueue::name).toList();
    }
}
