package io.sentral.core.trace;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One SIP message as it crossed the wire (N3): when, which way, over which transport, between
 * which addresses, and its text. {@code callId} is the message's own Call-ID (each B2BUA leg has
 * its own).
 *
 * @param sent      true for a message Sentral sent, false for one it received
 * @param transport {@code udp}, {@code tcp} or {@code tls}
 */
public record TracedMessage(Instant at, boolean sent, String transport, InetSocketAddress source,
                            InetSocketAddress destination, String callId, String text) {
    public TracedMessage {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(text, "text");
    }

    /** The first line: request line or status line. */
    public String firstLine() {
        int end = text.indexOf('\r');
        return end < 0 ? text : text.substring(0, end);
    }
}
