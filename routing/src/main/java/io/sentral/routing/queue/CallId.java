package io.sentral.routing.queue;

/**
 * The Call-ID of a caller's incoming leg, which names the queued call towards the edge.
 * Kept here until {@code core} has a call id type (core's call events still use strings).
 */
public record CallId(String value) {
    public CallId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("call id must not be blank: '" + value + "'");
        }
    }

    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
