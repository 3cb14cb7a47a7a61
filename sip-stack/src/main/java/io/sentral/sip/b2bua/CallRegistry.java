package io.sentral.sip.b2bua;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live B2BUA calls by the Call-ID of either leg. */
public final class CallRegistry {
    private final Map<String, B2buaCall> byCallId = new ConcurrentHashMap<>();

    void add(String callId, B2buaCall call) {
        byCallId.put(callId, call);
    }

    void remove(String callId) {
        byCallId.remove(callId);
    }

    public Optional<B2buaCall> find(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    /** Number of live calls (each counted once, by its A leg). */
    public long activeCalls() {
        return byCallId.values().stream().distinct().count();
    }
}
