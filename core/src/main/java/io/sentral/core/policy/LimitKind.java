package io.sentral.core.policy;

/** Trunk capacity limits (T7); a bounded metric label. */
public enum LimitKind {
    CHANNELS,
    CALLS_PER_SECOND;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
