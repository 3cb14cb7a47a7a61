package io.sentral.app;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes call events off the SIP lanes and hands them, in order, to the call record store and
 * other listeners on one writer thread, so a slow database never delays call signalling.
 * {@link #close()} drains what is queued before returning.
 */
final class CallEventWriter implements CallEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallEventWriter.class);

    private final List<CallEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "call-event-writer");
        t.setDaemon(true);
        return t;
    });

    CallEventWriter(List<CallEventListener> listeners) {
        this.listeners.addAll(listeners);
    }

    @Override
    public void onEvent(CallEvent event) {
        writer.execute(() -> {
            for (CallEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("call event {} for {} not recorded by {}", event.getClass().getSimpleName(),
                            event.callId(), listener.getClass().getSimpleName(), e);
                }
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("call events still queued at shutdown were dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
