package io.sentral.core.call;

/** Port: receives call events. Implementations must not block the caller for long. */
@FunctionalInterface
public interface CallEventListener {
    void onEvent(CallEvent event);
}
