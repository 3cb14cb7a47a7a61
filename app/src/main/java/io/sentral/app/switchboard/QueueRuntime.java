package io.sentral.app.switchboard;

import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.QueueCallControl;
import io.sentral.core.switchboard.QueueCalls;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.routing.queue.QueueBoard;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The switchboard's queues at run time (S2-S5), where the SIP edge and the queue engine meet:
 * the edge reports callers and agents' legs through {@link QueueCalls}, one
 * {@link io.sentral.routing.queue.QueueEngine} per tenant with queues decides, and the decisions
 * go back to the edge through {@link QueueCallControl}, actions in the engine's order.
 *
 * <p>Threads: every method only submits work to the one injected single-thread executor, the
 * switchboard lane, and returns; all engines, timers and bookkeeping live on that lane, so
 * nothing needs a lock. A failure while handling one call is logged with its call id and the lane
 * goes on; events for call ids no engine holds are ignored (DEBUG).
 *
 * <p>Presence: {@link #start(Duration)} syncs at once and then every interval (and
 * {@link #syncNow()} on demand): each member agent is logged into its queues while one of its
 * devices is registered ({@code <userId>@<sipDomain>} has a live contact) and marked absent while
 * the absence book has an absence in force; the same sync picks up changed VIP lists and queues
 * (see {@link RunningQueues}).
 */
public final class QueueRuntime implements QueueCalls, AutoCloseable {
    private final Lane lane;
    private final RunningQueues queues;
    private ScheduledFuture<?> periodicSync;

    /**
     * @param tenants   the current tenant data (queues, members, VIP lists)
     * @param sipDomain the domain of users' addresses of record, e.g. {@code sentral.test}
     * @param contacts  the registrar's live contacts (agents log in by registering)
     * @param absences  users' absences (absent agents are skipped)
     * @param edge      the SIP edge that executes decisions; looked up per decision, because the
     *                  edge's control exists only once the edge (which needs this runtime) started
     * @param events    where queue events go besides the log (metrics, call logs)
     * @param lane      a single-thread executor used only by the queues; the caller owns (and
     *                  shuts down) it
     * @param clock     the engines' time; the lane's delays are computed from it
     */
    public QueueRuntime(Supplier<TenantSnapshot> tenants, String sipDomain, ContactDirectory contacts,
                        AbsenceBook absences, Supplier<QueueCallControl> edge, QueueEventSink events,
                        ScheduledExecutorService lane, Clock clock) {
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(clock, "clock");
        this.lane = new Lane(lane);
        this.queues = new RunningQueues(tenants, new AgentPresence(contacts, absences, sipDomain, clock),
                new DecisionExecutor(edge, events), this.lane, clock);
    }

    /** Syncs now and then every {@code syncInterval} (e.g. 1 s). */
    public synchronized QueueRuntime start(Duration syncInterval) {
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("queue sync interval must be positive: " + syncInterval);
        }
        if (periodicSync != null) {
            throw new IllegalStateException("the queue runtime is already started");
        }
        syncNow();
        periodicSync = lane.every("queue sync", syncInterval, queues::sync).orElse(null);
        return this;
    }

    /** Syncs provisioning and presence soon (e.g. right after a REGISTER), besides the periodic sync. */
    public void syncNow() {
        lane.execute("queue sync", queues::sync);
    }

    /** Every running tenant's queue boards (S14), read on the lane. */
    public CompletableFuture<Map<TenantId, List<QueueBoard>>> boards() {
        return lane.call("queue boards", queues::boards);
    }

    // ---- QueueCalls ---------------------------------------------------------------------------------

    @Override
    public void join(QueueJoin join) {
        Objects.requireNonNull(join, "join");
        lane.executeFor(join.callId(), "join of " + join.queue(), () -> queues.join(join));
    }

    @Override
    public void callerLeft(String callId) {
        onCall(callId, "caller left", TenantQueues::callerLeft);
    }

    @Override
    public void offerAnswered(String callId, UserId agent) {
        Objects.requireNonNull(agent, "agent");
        onCall(callId, "offer answered by " + agent, (queues, id) -> queues.answered(id, agent));
    }

    @Override
    public void offerFailed(String callId, UserId agent) {
        Objects.requireNonNull(agent, "agent");
        onCall(callId, "offer failed for " + agent, (queues, id) -> queues.declined(id, agent));
    }

    @Override
    public void callEnded(String callId) {
        onCall(callId, "call ended", TenantQueues::callEnded);
    }

    @Override
    public void agentOnOtherCall(UserId agent, boolean onCall) {
        Objects.requireNonNull(agent, "agent");
        lane.execute("other call of " + agent, () -> queues.agentOnOtherCall(agent, onCall));
    }

    private void onCall(String callId, String what, BiConsumer<TenantQueues, String> work) {
        Objects.requireNonNull(callId, "callId");
        lane.executeFor(callId, what, () -> queues.onCall(callId, what, work));
    }

    /** Stops the periodic sync and the engines' timers; callers still queued are left to the edge. */
    @Override
    public synchronized void close() {
        if (periodicSync != null) {
            periodicSync.cancel(false);
        }
        lane.execute("queue stop", queues::stop);
    }
}
