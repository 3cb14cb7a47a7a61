package io.sentral.config;

import java.util.Objects;
import java.util.Optional;

/**
 * SIP tracing of one node ({@code node.tracing}, N3): how much the trace on demand keeps, and the
 * Homer/heplify collector every SIP message is exported to, if any.
 *
 * @param keptCalls       traced calls kept (the oldest are dropped)
 * @param messagesPerCall messages kept per traced call (the oldest are dropped)
 * @param hep             where HEP v3 packets go; empty = no export
 */
public record TracingSettings(int keptCalls, int messagesPerCall, Optional<HepSettings> hep) {
    public TracingSettings {
        if (keptCalls < 1 || messagesPerCall < 1) {
            throw new IllegalArgumentException("keptCalls and messagesPerCall must be at least 1");
        }
        Objects.requireNonNull(hep, "hep");
    }

    /** 200 calls of 200 messages, no HEP export. */
    public static TracingSettings defaults() {
        return new TracingSettings(200, 200, Optional.empty());
    }

    public TracingSettings withHep(HepSettings collector) {
        return new TracingSettings(keptCalls, messagesPerCall, Optional.of(collector));
    }

    /**
     * A HEP v3 collector (UDP).
     *
     * @param host      IP address or host name of the collector
     * @param captureId this node's capture agent id (HEP chunk 12)
     * @param password  the collector's authentication key (HEP chunk 14), if it wants one
     */
    public record HepSettings(String host, int port, int captureId, Optional<String> password) {
        public HepSettings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(password, "password");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("HEP collector port " + port + " is outside 1-65535");
            }
        }
    }
}
