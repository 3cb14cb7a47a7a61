package io.sentral.app;

import io.sentral.config.ConfigLoader;
import io.sentral.config.GatewaySettings;
import io.sentral.config.NodeSettings;
import io.sentral.config.SentralConfig;
import io.sentral.config.SipSettings;
import io.sentral.core.call.CallRecord;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A real Sentral node for socket tests: the demo provisioning on an H2 file database in a temp
 * dir, SIP on an ephemeral port of 127.0.0.1, and the carrier gateways pointed at test agents
 * (carrier-1 on 127.0.0.2, carrier-2 on 127.0.0.3, both on ephemeral ports).
 */
final class TestNode implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String DOMAIN = "sentral.test";

    final SentralServer server;
    final InetSocketAddress address;

    private TestNode(SentralServer server) {
        this.server = server;
        this.address = new InetSocketAddress("127.0.0.1", server.sipPort());
    }

    static TestNode start(Path dataDir, Clock clock, Map<String, Integer> carrierPorts, Duration gatewayTimeout) {
        return start(dataDir, clock, carrierPorts, gatewayTimeout, List.of(Transport.UDP, Transport.TCP));
    }

    static TestNode start(Path dataDir, Clock clock, Map<String, Integer> carrierPorts, Duration gatewayTimeout,
                          List<Transport> transports) {
        SentralConfig demo = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);
        SipSettings s = demo.node().sip();
        SipSettings sip = new SipSettings("127.0.0.1", 0, 0, transports, s.domain(),
                s.minExpires(), s.maxExpires(), s.defaultExpires(), s.nonceTtl(), gatewayTimeout, 2);
        List<GatewaySettings> gateways = demo.gateways().stream()
                .map(g -> carrierPorts.containsKey(g.name())
                        ? new GatewaySettings(g.name(), g.role(),
                        new SipEndpoint(g.endpoint().host(), carrierPorts.get(g.name()), Transport.UDP),
                        List.of(IpRange.parse(g.endpoint().host())), g.priority(), g.countries())
                        : g)
                .toList();
        NodeSettings node = new NodeSettings(dataDir, sip, demo.node().http(), demo.node().database());
        SentralConfig config = new SentralConfig(node, gateways, demo.customers(), demo.accounts());
        return new TestNode(new SentralServer(config, clock).start());
    }

    /** Registers {@code pbx} as acme-pbx; returns the 200 OK. */
    SipMessage registerAcme(SipTestAgent pbx) {
        SipMessage ok = pbx.register(address, new DigestClient("acme-pbx", "acme-secret"), DOMAIN,
                Duration.ofHours(1), WAIT);
        if (ok.status() != 200) {
            throw new AssertionError("registration failed: " + ok.startLine());
        }
        return ok;
    }

    /** Waits until the call record of {@code callId} is completed and returns it. */
    CallRecord completedRecord(String callId) {
        return Awaitility.await().atMost(WAIT).until(() -> server.callRecords().find(callId),
                r -> r.isPresent() && r.get().completed()).orElseThrow();
    }

    Optional<CallRecord> record(String callId) {
        return server.callRecords().find(callId);
    }


    @Override
    public void close() {
        server.close();
    }
}
