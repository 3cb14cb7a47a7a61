package io.sentral.core.policy;

/** Port: receives the policy decisions taken for a call, to log and count them (metrics). */
@FunctionalInterface
public interface PolicyEventListener {
    void onPolicyEvent(String callId, PolicyEvent event);

    static PolicyEventListener ignoring() {
        return (callId, event) -> {
        };
    }
}
