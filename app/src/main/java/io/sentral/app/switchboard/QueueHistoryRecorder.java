package io.sentral.app.switchboard;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.QueueEvent;
import io.sentral.storage.JdbcQueueHistory;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the queue events into the queue history (S12, S13, S18) on its own writer thread, in the
 * order the switchboard lane produced them, so the database never slows the queues down.
 */
public final class QueueHistoryRecorder implements QueueEventSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueHistoryRecorder.class);

    private final JdbcQueueHistory history;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "queue-history-writer");
        t.setDaemon(true);
        return t;
    });

    public QueueHistoryRecorder(JdbcQueueHistory history) {
        this.history = history;
    }

    @Override
    public void onQueueEvent(TenantId tenant, QueueEvent event) {
        writer.execute(() -> {
            try {
                record(tenant, event);
            } catch (RuntimeException e) {
                LOG.error("queue event {} not recorded in the history", event.getClass().getSimpleName(), e);
            }
        });
    }

    private void record(TenantId tenant, QueueEvent event) {
        switch (event) {
            case QueueEvent.Joined j -> history.joined(j.callId().value(), tenant, j.queue(), j.at(), j.vip(),
                    j.overflowedFrom());
            case QueueEvent.Answered a -> history.answered(a.callId().value(), a.queue(), a.at(), a.agent(), a.waited());
            case QueueEvent.Abandoned a -> history.left(a.callId().value(), a.queue(), "abandoned", a.at(),
                    Optional.of(a.waited()), Optional.empty());
            case QueueEvent.TimedOut t -> history.left(t.callId().value(), t.queue(), "timeout", t.at(),
                    Optional.of(t.waited()), Optional.empty());
            case QueueEvent.Rejected r -> history.left(r.callId().value(), r.queue(), "rejected", r.at(),
                    Optional.empty(), Optional.empty());
            case QueueEvent.Overflowed o -> history.left(o.callId().value(), o.queue(), "overflowed", o.at(),
                    Optional.of(o.waited()), Optional.of(describe(o.target())));
            case QueueEvent.Ended e -> history.talked(e.callId().value(), e.queue(), e.talked());
            case QueueEvent.Offered o -> history.offered(o.callId().value(), tenant, o.queue(), o.agents(), o.at());
            case QueueEvent.Missed m -> history.missedBy(m.callId().value(), m.queue(), m.agent());
            default -> {
                // agent states are metrics, not history
            }
        }
    }

    private static String describe(CallTarget target) {
        return switch (target) {
            case CallTarget.ToQueue q -> "queue " + q.queue().value();
            case CallTarget.ToUser u -> "user " + u.user().value();
            case CallTarget.ToNumber n -> n.number().value();
        };
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("queue events still queued at shutdown were dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
