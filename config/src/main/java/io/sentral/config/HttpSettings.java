package io.sentral.config;

import java.util.Objects;

/**
 * The HTTP listener of one node ({@code node.http}): REST API, web switchboard, queue board,
 * {@code /metrics} and {@code /health}.
 *
 * @param listenAddress IP address to bind
 * @param port          TCP port (0 = any free port, for tests)
 */
public record HttpSettings(String listenAddress, int port) {
    public HttpSettings {
        Objects.requireNonNull(listenAddress, "listenAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port " + port + " is outside 0-65535");
        }
    }

    /** Loopback, any free port. */
    public static HttpSettings forTests() {
        return new HttpSettings("127.0.0.1", 0);
    }
}
