package io.sentral.core.trace;

/**
 * Port: sees SIP messages as the edge sends and receives them (N3). {@code correlationId} is the
 * Call-ID of the call's incoming leg for every leg of a B2BUA call (the message's own Call-ID for
 * messages outside calls), so that both legs can be put together.
 */
public interface WireTap {
    /** Whether this tap wants messages now; the edge skips encoding them when no tap does. */
    boolean active();

    void observe(TracedMessage message, String correlationId);
}
