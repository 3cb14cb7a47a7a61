package io.sentral.config;

import io.sentral.core.tenant.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The SIP edge of one node ({@code node.sip} in YAML).
 *
 * @param listenAddress  IP address the SIP listeners bind
 * @param port           UDP/TCP port (0 = any free port, for tests)
 * @param tlsPort        TLS port (0 = any free port)
 * @param transports     transports to open
 * @param domain         SIP domain and digest realm
 * @param minExpires     shortest registration accepted (shorter: 423 Interval Too Brief)
 * @param maxExpires     longest registration granted (longer requests are cut down)
 * @param defaultExpires expiry when the REGISTER names none
 * @param nonceTtl       how long a digest nonce stays valid before it is answered {@code stale=true}
 * @param gatewayTimeout how long a gateway may stay silent before failover (no provisional response)
 * @param lanes          number of call-processing lanes (threads); a call's work always runs on one lane
 * @param gatewayPingInterval how often gateways are pinged with OPTIONS (T4; zero = never)
 */
public record SipSettings(String listenAddress, int port, int tlsPort, List<Transport> transports, String domain,
                          Duration minExpires, Duration maxExpires, Duration defaultExpires, Duration nonceTtl,
                          Duration gatewayTimeout, int lanes, Duration gatewayPingInterval,
                          BlockingSettings blocking) {
    public SipSettings {
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(listenAddress, "listenAddress");
        transports = List.copyOf(transports);
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(minExpires, "minExpires");
        Objects.requireNonNull(maxExpires, "maxExpires");
        Objects.requireNonNull(defaultExpires, "defaultExpires");
        Objects.requireNonNull(nonceTtl, "nonceTtl");
        Objects.requireNonNull(gatewayTimeout, "gatewayTimeout");
        Objects.requireNonNull(gatewayPingInterval, "gatewayPingInterval");
        if (gatewayPingInterval.isNegative()) {
            throw new IllegalArgumentException("gatewayPingInterval must not be negative: " + gatewayPingInterval);
        }
    }

    /** Sources blocked after the default number of authentication failures. */
    public SipSettings(String listenAddress, int port, int tlsPort, List<Transport> transports, String domain,
                       Duration minExpires, Duration maxExpires, Duration defaultExpires, Duration nonceTtl,
                       Duration gatewayTimeout, int lanes, Duration gatewayPingInterval) {
        this(listenAddress, port, tlsPort, transports, domain, minExpires, maxExpires, defaultExpires, nonceTtl,
                gatewayTimeout, lanes, gatewayPingInterval, BlockingSettings.defaults());
    }

    /** Gateways pinged every 10 s (DEMO.md). */
    public SipSettings(String listenAddress, int port, int tlsPort, List<Transport> transports, String domain,
                       Duration minExpires, Duration maxExpires, Duration defaultExpires, Duration nonceTtl,
                       Duration gatewayTimeout, int lanes) {
        this(listenAddress, port, tlsPort, transports, domain, minExpires, maxExpires, defaultExpires, nonceTtl,
                gatewayTimeout, lanes, Duration.ofSeconds(10));
    }

    /** Settings for tests: loopback, any free port, UDP and TCP, demo timers. */
    public static SipSettings forTests() {
        return new SipSettings("127.0.0.1", 0, 0, List.of(Transport.UDP, Transport.TCP), "sentral.test",
                Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600), Duration.ofSeconds(300),
                Duration.ofSeconds(2), 4, Duration.ofSeconds(10));
    }

    public SipSettings withPort(int newPort) {
        return new SipSettings(listenAddress, newPort, tlsPort, transports, domain, minExpires, maxExpires,
                defaultExpires, nonceTtl, gatewayTimeout, lanes, gatewayPingInterval, blocking);
    }

    public SipSettings withNonceTtl(Duration ttl) {
        return new SipSettings(listenAddress, port, tlsPort, transports, domain, minExpires, maxExpires,
                defaultExpires, ttl, gatewayTimeout, lanes, gatewayPingInterval, blocking);
    }

    public SipSettings withBlocking(BlockingSettings settings) {
        return new SipSettings(listenAddress, port, tlsPort, transports, domain, minExpires, maxExpires,
                defaultExpires, nonceTtl, gatewayTimeout, lanes, gatewayPingInterval, settings);
    }
}
