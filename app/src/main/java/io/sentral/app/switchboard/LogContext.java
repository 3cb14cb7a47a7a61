package io.sentral.app.switchboard;

import io.sentral.core.tenant.TenantId;
import org.slf4j.MDC;

/**
 * One log MDC key set for a block of work and restored afterwards (not just removed), so a call's
 * context set by the lane survives the nested context of one action.
 */
final class LogContext implements AutoCloseable {
    private final String key;
    private final String previous;

    private LogContext(String key, String value) {
        this.key = key;
        this.previous = MDC.get(key);
        MDC.put(key, value);
    }

    static LogContext call(String callId) {
        return new LogContext("callId", callId);
    }

    static LogContext tenant(TenantId tenant) {
        return new LogContext("tenant", tenant.value());
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
