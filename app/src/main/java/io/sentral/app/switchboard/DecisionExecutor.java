package io.sentral.app.switchboard;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueCallControl;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.QueueAction;
import io.sentral.routing.queue.QueueDecision;
import io.sentral.routing.queue.QueueEvent;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one engine decision (routing decides, the edge executes): its actions, in order, as
 * calls on the SIP edge's {@link QueueCallControl}, then its events to the {@link QueueEventSink}
 * and the log (INFO, with the call id in the MDC). Each action and each event is guarded on its
 * own: one that fails is logged with its call id, and the rest of the decision still runs.
 */
final class DecisionExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionExecutor.class);

    private final Supplier<QueueCallControl> edge;
    private final QueueEventSink events;

    /**
     * @param edge resolved per action: the app wires the SIP edge's control, which exists only once
     *             the edge has started
     */
    DecisionExecutor(Supplier<QueueCallControl> edge, QueueEventSink events) {
        this.edge = Objects.requireNonNull(edge, "edge");
        this.events = Objects.requireNonNull(events, "events");
    }

    void execute(TenantId tenant, QueueDecision decision) {
        decision.actions().forEach(this::perform);
        decision.events().forEach(event -> publish(tenant, event));
    }

    /** Ends a caller the engine never took (no such queue here, or the join failed). */
    void reject(String callId, QueueName queue, RejectStatus status) {
        guarded(callId, "reject", () -> {
            LOG.info("call {} rejected by queue {}: {} {}", callId, queue, status.code(), status.reasonPhrase());
            edge.get().reject(callId, queue, status.code(), status.reasonPhrase());
        });
    }

    private void perform(QueueAction action) {
        String callId = action.callId().value();
        guarded(callId, action.getClass().getSimpleName(), () -> {
            LOG.debug("queue action {}", action);
            QueueCallControl control = edge.get();
            switch (action) {
                case QueueAction.Queued a -> control.queued(callId, a.queue(), a.position());
                case QueueAction.Offer a -> control.offer(callId, a.queue(), a.agents());
                case QueueAction.CancelOffer a -> control.cancelOffer(callId, a.agent());
                case QueueAction.Connect a -> control.connect(callId, a.agent());
                case QueueAction.Overflow a ->
                        control.overflow(callId, a.from(), a.target(), a.originalJoin(), a.path());
                case QueueAction.Reject a -> {
                    RejectStatus status = RejectStatus.of(a.queue(), a.reason());
                    control.reject(callId, a.queue(), status.code(), status.reasonPhrase());
                }
            }
        });
    }

    /** Runs one edge call with the call id in the MDC; a failure is logged there and goes no further. */
    private static void guarded(String callId, String what, Runnable work) {
        try (LogContext ignored = LogContext.call(callId)) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("queue action {} for call {} failed: {}", what, callId, e.toString(), e);
            }
        }
    }

    private void publish(TenantId tenant, QueueEvent event) {
        LogContext call = event instanceof QueueEvent.CallerEvent c ? LogContext.call(c.callId().value()) : null;
        try {
            LOG.info("{}", describe(event));
            events.onQueueEvent(tenant, event);
        } catch (RuntimeException e) {
            LOG.error("queue event sink failed on {}: {}", event, e.toString(), e);
        } finally {
            if (call != null) {
                call.close();
            }
        }
    }

    /** One log line per event, in words. */
    static String describe(QueueEvent event) {
        return switch (event) {
            case QueueEvent.Joined e -> "call " + e.callId() + " joined " + e.queue() + " at position " + e.position()
                    + (e.vip() ? " (VIP)" : "") + e.overflowedFrom().map(q -> ", overflowed from " + q).orElse("");
            case QueueEvent.Offered e -> "call " + e.callId() + " of " + e.queue() + " offered to " + e.agents();
            case QueueEvent.Missed e -> "call " + e.callId() + " of " + e.queue() + " missed by " + e.agent()
                    + " (" + e.reason() + ")";
            case QueueEvent.Answered e -> "call " + e.callId() + " of " + e.queue() + " answered by " + e.agent()
                    + " after " + e.waited();
            case QueueEvent.Abandoned e -> "call " + e.callId() + " abandoned " + e.queue() + " after " + e.waited();
            case QueueEvent.Overflowed e -> "call " + e.callId() + " overflowed from " + e.queue() + " to "
                    + describe(e.target()) + " (" + e.reason() + ") after " + e.waited();
            case QueueEvent.TimedOut e -> "call " + e.callId() + " timed out in " + e.queue() + " after " + e.waited();
            case QueueEvent.Rejected e -> "call " + e.callId() + " rejected by " + e.queue() + " (" + e.reason() + ")";
            case QueueEvent.Ended e -> "call " + e.callId() + " of " + e.queue() + " with " + e.agent()
                    + " ended after " + e.talked();
            case QueueEvent.AgentStateChanged e -> "agent " + e.agent() + ": " + e.from() + " -> " + e.to();
        };
    }

    private static String describe(CallTarget target) {
        return switch (target) {
            case CallTarget.ToQueue q -> "queue " + q.queue();
            case CallTarget.ToUser u -> "user " + u.user();
            case CallTarget.ToNumber n -> "number " + n.number();
        };
    }
}
