package io.sentral.app.switchboard;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserCallEntry;
import io.sentral.core.switchboard.UserCallLog;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.QueueEvent;
import io.sentral.storage.JdbcQueueHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills the users' call logs (S12) from call events, when a call ends: a line for the user whose
 * device placed it (outgoing), for the user it rang directly and for the agent who answered it in
 * a queue (incoming, with the queue). A user's outgoing call to a number that called a queue of
 * the customer without being answered marks that missed call as called back (S18), and its log
 * line names the queue whose call it returned.
 * Runs on the call event writer thread, after the call record is written.
 */
public final class UserCallRecorder implements CallEventListener, QueueEventSink {
    /** How far back a callback finds the missed calls it answers. */
    static final Duration CALLBACK_WINDOW = Duration.ofDays(7);

    private record Pending(CallEvent.Started started, Optional<Instant> answered) {
    }

    private final UserCallLog log;
    private final JdbcQueueHistory queues;
    private final java.util.function.Supplier<io.sentral.core.tenant.TenantSnapshot> tenants;
    private final Map<String, Pending> calls = new ConcurrentHashMap<>();
    /**
     * Who last answered each queue call in progress, from the queue events: known here before the
     * call ends, while the queue history's own writer thread may not have stored it yet.
     */
    private final Map<String, QueueEvent.Answered> queueAnswers = new ConcurrentHashMap<>();

    public UserCallRecorder(UserCallLog log, JdbcQueueHistory queues,
                            java.util.function.Supplier<io.sentral.core.tenant.TenantSnapshot> tenants) {
        this.log = log;
        this.queues = queues;
        this.tenants = tenants;
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event) {
            case CallEvent.Started s -> {
                // only calls that can concern a user: from or to a user's device, or to a queue
                if (s.tenant().isPresent() && (s.callerUser().isPresent() || s.calleeUser().isPresent()
                        || toQueue(s))) {
                    calls.put(s.callId(), new Pending(s, Optional.empty()));
                }
            }
            case CallEvent.Answered a -> calls.computeIfPresent(a.callId(),
                    (id, p) -> new Pending(p.started(), Optional.of(a.at())));
            case CallEvent.Ended e -> {
                Pending pending = calls.remove(e.callId());
                Optional<QueueEvent.Answered> inQueue = Optional.ofNullable(queueAnswers.remove(e.callId()));
                if (pending != null) {
                    record(pending, e.at(), inQueue);
                }
            }
            default -> {
                // transfers do not change the log lines
            }
        }
    }

    @Override
    public void onQueueEvent(TenantId tenant, QueueEvent event) {
        if (event instanceof QueueEvent.Answered answered) {
            queueAnswers.put(answered.callId().value(), answered);
        }
    }

    private boolean toQueue(CallEvent.Started s) {
        try {
            return tenants.get().queueOn(io.sentral.core.number.E164Number.of(s.callee())).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void record(Pending pending, Instant ended, Optional<QueueEvent.Answered> inQueue) {
        CallEvent.Started s = pending.started();
        TenantId tenant = s.tenant().orElseThrow();
        boolean answered = pending.answered().isPresent();
        Duration talked = pending.answered().map(at -> Duration.between(at, ended)).orElse(Duration.ZERO);
        s.callerUser().ifPresent(user -> {
            List<QueueName> returned = queues.calledBack(tenant, s.callee(), user.value(), answered, ended,
                    s.at().minus(CALLBACK_WINDOW));
            log.add(new UserCallEntry(tenant, user, s.callId(), false, s.callee(), s.at(), answered, talked,
                    returned.stream().findFirst()));
        });
        s.calleeUser().ifPresent(user -> log.add(new UserCallEntry(tenant, user, s.callId(), true, s.caller(),
                s.at(), answered, talked, Optional.empty())));
        Optional<UserId> agent = inQueue.map(QueueEvent.Answered::agent).or(() -> queues.answeredBy(s.callId()));
        Optional<QueueName> queue = inQueue.map(QueueEvent.Answered::queue).or(() -> queues.answeredIn(s.callId()));
        agent.filter(a -> !s.calleeUser().equals(Optional.of(a))).ifPresent(a -> log.add(new UserCallEntry(
                tenant, a, s.callId(), true, s.caller(), s.at(), answered, talked, queue)));
    }
}
