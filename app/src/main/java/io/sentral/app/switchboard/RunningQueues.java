package io.sentral.app.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.routing.queue.QueueBoard;
import io.sentral.routing.queue.QueueEngine;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of all tenants that have queues, confined to the switchboard lane: finds the engine
 * of each edge event (by call id, by agent), and keeps the engines in step with provisioning and
 * presence on every {@link #sync()}:
 *
 * <ol>
 *   <li>a tenant that gained queues gets an engine;</li>
 *   <li>a tenant whose queues changed (other {@code Queue} records) gets a new engine once nobody
 *       waits in the old one; until then the change is logged once and retried on every sync;</li>
 *   <li>a tenant that lost all its queues loses its engine, on the same condition;</li>
 *   <li>a changed VIP list re-orders the waiting callers at once;</li>
 *   <li>every member agent's registration and absence is compared with what the engine knows.</li>
 * </ol>
 */
final class RunningQueues {
    private static final Logger LOG = LoggerFactory.getLogger(RunningQueues.class);

    private final Supplier<TenantSnapshot> snapshots;
    private final AgentPresence presence;
    private final DecisionExecutor executor;
    private final Lane lane;
    private final Clock clock;
    private final Map<TenantId, TenantQueues> running = new LinkedHashMap<>();
    /** Call id → tenant of every caller an engine holds. */
    private final Map<String, TenantId> calls = new HashMap<>();
    /** Calls outside the queues per user, replayed into a rebuilt engine. */
    private final Map<UserId, Integer> otherCalls = new HashMap<>();

    RunningQueues(Supplier<TenantSnapshot> snapshots, AgentPresence presence, DecisionExecutor executor, Lane lane,
                  Clock clock) {
        this.snapshots = snapshots;
        this.presence = presence;
        this.executor = executor;
        this.lane = lane;
        this.clock = clock;
    }

    // ---- the edge's events ----------------------------------------------------------------------

    /**
     * A caller arrives. The tenant's agents' presence is synced first, so a phone registered a
     * moment ago counts (DEMO.md: nobody logged in overflows at once). A queue this node does not
     * run yet (provisioned since the last sync) is synced first; one still unknown, or a join the
     * engine fails on, ends the caller's call rather than leaving it waiting for nothing.
     */
    void join(QueueJoin join) {
        try (LogContext ignored = LogContext.tenant(join.tenant())) {
            if (calls.containsKey(join.callId())) {
                LOG.warn("call {} joins {} but is already queued; ignored", join.callId(), join.queue());
                return;
            }
            Optional<TenantQueues> queues = running(join.tenant(), join.queue());
            if (queues.isEmpty()) {
                syncBeforeJoin(join);
                queues = running(join.tenant(), join.queue());
            }
            if (queues.isEmpty()) {
                LOG.warn("call {} joins queue {} of {}, which is not running", join.callId(), join.queue(),
                        join.tenant());
                executor.reject(join.callId(), join.queue(), RejectStatus.notRunning(join.queue()));
                return;
            }
            try {
                queues.get().syncPresence(presence);
                queues.get().join(EngineJoins.of(join));
            } catch (RuntimeException e) {
                LOG.error("queue {} could not take call {}: {}", join.queue(), join.callId(), e.toString(), e);
                executor.reject(join.callId(), join.queue(), RejectStatus.failed(join.queue()));
            }
        }
    }

    private void syncBeforeJoin(QueueJoin join) {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.warn("sync for call {} joining {} failed: {}", join.callId(), join.queue(), e.toString(), e);
        }
    }

    /** Work on a queued caller; an unknown call id (never queued, or gone) is ignored. */
    void onCall(String callId, String what, BiConsumer<TenantQueues, String> work) {
        TenantId tenant = calls.get(callId);
        TenantQueues queues = tenant == null ? null : running.get(tenant);
        if (queues == null) {
            LOG.debug("{} for call {}, which is not queued; ignored", what, callId);
            return;
        }
        try (LogContext ignored = LogContext.tenant(tenant)) {
            work.accept(queues, callId);
        }
    }

    void agentOnOtherCall(UserId agent, boolean onCall) {
        int before = otherCalls.getOrDefault(agent, 0);
        if (!onCall && before == 0) {
            LOG.debug("other call of {} ended, but none was reported started; ignored", agent);
            return;
        }
        int after = before + (onCall ? 1 : -1);
        if (after == 0) {
            otherCalls.remove(agent);
        } else {
            otherCalls.put(agent, after);
        }
        running.values().stream().filter(q -> q.hasMember(agent)).findFirst().ifPresentOrElse(queues -> {
            try (LogContext ignored = LogContext.tenant(queues.tenant())) {
                queues.otherCall(agent, onCall);
            }
        }, () -> LOG.debug("{} is in no queue", agent));
    }

    // ---- sync -----------------------------------------------------------------------------------

    void sync() {
        TenantSnapshot snapshot = snapshots.get();
        Map<TenantId, CustomerProvisioning> wanted = new LinkedHashMap<>();
        for (Customer customer : snapshot.customers()) {
            snapshot.provisioning(customer.id()).filter(p -> !p.queues().isEmpty())
                    .ifPresent(p -> wanted.put(p.tenant(), p));
        }
        for (TenantId tenant : List.copyOf(running.keySet())) {
            if (!wanted.containsKey(tenant)) {
                perTenant(tenant, "retire", () -> retire(tenant));
            }
        }
        wanted.forEach((tenant, provisioning) -> perTenant(tenant, "update", () -> update(snapshot, provisioning)));
        running.values().forEach(queues -> perTenant(queues.tenant(), "presence sync", () -> {
            queues.syncPresence(presence);
            queues.keepAwake();
        }));
    }

    private void update(TenantSnapshot snapshot, CustomerProvisioning provisioning) {
        TenantId tenant = provisioning.tenant();
        TenantQueues current = running.get(tenant);
        if (current == null) {
            running.put(tenant, start(snapshot, provisioning));
            LOG.info("queues of {} running: {}", tenant, names(provisioning));
            return;
        }
        if (!current.queues().equals(provisioning.queues())) {
            if (current.nobodyWaiting()) {
                TenantQueues next = start(snapshot, provisioning);
                next.takeOver(current, otherCalls);
                current.stop();
                running.put(tenant, next);
                LOG.info("queues of {} changed: engine rebuilt for {}", tenant, names(provisioning));
            } else if (current.firstDeferral(provisioning.queues())) {
                LOG.info("queues of {} changed: the engine is rebuilt once nobody waits", tenant);
            }
        }
        running.get(tenant).vipListChanged(vips(provisioning));
    }

    private void retire(TenantId tenant) {
        TenantQueues current = running.get(tenant);
        if (current.nobodyWaiting()) {
            current.stop();
            running.remove(tenant);
            calls.values().removeIf(tenant::equals);
            LOG.info("queues of {} stopped: the tenant has no queues any more", tenant);
        } else if (current.firstDeferral(List.of())) {
            LOG.info("queues of {} removed: the engine stops once nobody waits", tenant);
        }
    }

    private TenantQueues start(TenantSnapshot snapshot, CustomerProvisioning provisioning) {
        TenantId tenant = provisioning.tenant();
        return new TenantQueues(tenant, provisioning.queues(), vips(provisioning),
                QueueEngine.forTenant(snapshot, tenant, clock), executor, lane, clock, calls);
    }

    // ---- read side and lifecycle ----------------------------------------------------------------

    /** Every running tenant's queue boards, tenants and queues in provisioning order. */
    Map<TenantId, List<QueueBoard>> boards() {
        Map<TenantId, List<QueueBoard>> boards = new LinkedHashMap<>();
        running.forEach((tenant, queues) -> boards.put(tenant, queues.boards()));
        return Collections.unmodifiableMap(boards);
    }

    void stop() {
        running.values().forEach(TenantQueues::stop);
    }

    private Optional<TenantQueues> running(TenantId tenant, QueueName queue) {
        return Optional.ofNullable(running.get(tenant)).filter(q -> q.runs(queue));
    }

    /** One tenant's part of a sync; a failure is logged and the other tenants still sync. */
    private static void perTenant(TenantId tenant, String what, Runnable work) {
        try (LogContext ignored = LogContext.tenant(tenant)) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("switchboard {} of {} failed: {}", what, tenant, e.toString(), e);
            }
        }
    }

    private static Set<E164Number> vips(CustomerProvisioning provisioning) {
        return provisioning.vipList().stream().map(VipEntry::number).collect(Collectors.toSet());
    }

    private static List<QueueName> names(CustomerProvisioning provisioning) {
        return provisioning.queues().stream().map(q -> q.name()).toList();
    }
}
