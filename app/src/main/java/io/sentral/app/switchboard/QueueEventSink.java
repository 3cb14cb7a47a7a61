package io.sentral.app.switchboard;

import io.sentral.core.tenant.TenantId;
import io.sentral.routing.queue.QueueEvent;

/**
 * Where the queues publish what happened (joins, answers, overflows, agent states) for call logs
 * and the {@code sentral_queue_*} metrics. Called on the switchboard lane, in the order the
 * engine reported the events: keep it quick and never block.
 */
@FunctionalInterface
public interface QueueEventSink {

    void onQueueEvent(TenantId tenant, QueueEvent event);

    /** Nobody listens (the events are still logged). */
    QueueEventSink NONE = (tenant, event) -> {
    };
}
