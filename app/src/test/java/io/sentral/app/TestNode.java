package io.sentral.app;

import io.sentral.config.ConfigLoader;
import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.config.HttpSettings;
import io.sentral.config.LocationFormat;
import io.sentral.config.NodeSettings;
import io.sentral.config.SentralConfig;
import io.sentral.config.SipSettings;
import io.sentral.config.TracingSettings;
import io.sentral.core.call.CallRecord;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * A real Sentral node for socket tests: the demo provisioning (optionally changed) on an H2 file
 * database in a temp dir, SIP on an ephemeral port of 127.0.0.1, and gateways pointed at test
 * agents on their demo addresses (carrier-1 127.0.0.2, carrier-2 127.0.0.3, emergency 127.0.0.4)
 * with ephemeral ports.
 */
final class TestNode implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String DOMAIN = "sentral.test";

    final SentralServer server;
    final InetSocketAddress address;

    /** How to set a test node up; start from {@link #defaults()}. */
    record Setup(Map<String, Integer> gatewayPorts, Duration gatewayTimeout, List<Transport> transports,
                 Duration pingInterval, UnaryOperator<CustomerProvisioning> customers,
                 UnaryOperator<EmergencyAddressStore> addressStore, List<PortedOut> portedOut,
                 LocationFormat emergencyLocationFormat, TracingSettings tracing,
                 UnaryOperator<NodeSettings> node) {

        static Setup defaults() {
            return new Setup(Map.of(), Duration.ofSeconds(2), List.of(Transport.UDP, Transport.TCP),
                    Duration.ZERO, UnaryOperator.identity(), UnaryOperator.identity(), List.of(),
                    LocationFormat.PIDF_LO, TracingSettings.defaults(), UnaryOperator.identity());
        }

        Setup emergencyLocationFormat(LocationFormat format) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, customers, addressStore, portedOut,
                    format, tracing, node);
        }

        Setup portedOut(List<PortedOut> numbers) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, customers, addressStore,
                    numbers, emergencyLocationFormat, tracing, node);
        }

        Setup gateways(Map<String, Integer> ports) {
            return new Setup(ports, gatewayTimeout, transports, pingInterval, customers, addressStore,
                    portedOut, emergencyLocationFormat, tracing, node);
        }

        Setup gatewayTimeout(Duration timeout) {
            return new Setup(gatewayPorts, timeout, transports, pingInterval, customers, addressStore,
                    portedOut, emergencyLocationFormat, tracing, node);
        }

        Setup transports(List<Transport> list) {
            return new Setup(gatewayPorts, gatewayTimeout, list, pingInterval, customers, addressStore,
                    portedOut, emergencyLocationFormat, tracing, node);
        }

        Setup pingEvery(Duration interval) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, interval, customers, addressStore,
                    portedOut, emergencyLocationFormat, tracing, node);
        }

        Setup customers(UnaryOperator<CustomerProvisioning> change) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, change, addressStore,
                    portedOut, emergencyLocationFormat, tracing, node);
        }

        Setup tracing(TracingSettings settings) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, customers, addressStore,
                    portedOut, emergencyLocationFormat, settings, node);
        }

        /** Changes the node settings the demo's would give (e.g. a caller lookup URL). */
        Setup node(UnaryOperator<NodeSettings> change) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, customers, addressStore,
                    portedOut, emergencyLocationFormat, tracing, change);
        }

        Setup addressStore(UnaryOperator<EmergencyAddressStore> wrapper) {
            return new Setup(gatewayPorts, gatewayTimeout, transports, pingInterval, customers, wrapper,
                    portedOut, emergencyLocationFormat, tracing, node);
        }
    }

    private TestNode(SentralServer server) {
        this.server = server;
        this.address = new InetSocketAddress("127.0.0.1", server.sipPort());
    }

    static TestNode start(Path dataDir, Clock clock, Map<String, Integer> carrierPorts, Duration gatewayTimeout) {
        return start(dataDir, clock, Setup.defaults().gateways(carrierPorts).gatewayTimeout(gatewayTimeout));
    }

    static TestNode start(Path dataDir, Clock clock, Map<String, Integer> carrierPorts, Duration gatewayTimeout,
                          List<Transport> transports) {
        return start(dataDir, clock, Setup.defaults().gateways(carrierPorts).gatewayTimeout(gatewayTimeout)
                .transports(transports));
    }

    static TestNode start(Path dataDir, Clock clock, Setup setup) {
        SentralConfig demo = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);
        SipSettings s = demo.node().sip();
        SipSettings sip = new SipSettings("127.0.0.1", 0, 0, setup.transports(), s.domain(), s.minExpires(),
                s.maxExpires(), s.defaultExpires(), s.nonceTtl(), setup.gatewayTimeout(), 2, setup.pingInterval());
        List<GatewaySettings> gateways = demo.gateways().stream()
                .map(g -> setup.gatewayPorts().containsKey(g.name())
                        ? new GatewaySettings(g.name(), g.role(),
                        new SipEndpoint(g.endpoint().host(), setup.gatewayPorts().get(g.name()), Transport.UDP),
                        List.of(IpRange.parse(g.endpoint().host())), g.priority(), g.weight(), g.countries(),
                        g.role() == GatewayRole.EMERGENCY ? setup.emergencyLocationFormat() : g.locationFormat())
                        : g)
                .toList();
        NodeSettings node = setup.node().apply(new NodeSettings(dataDir, sip, HttpSettings.forTests(),
                TestDatabase.forNode(demo.node().database()), setup.tracing()));
        List<CustomerProvisioning> customers = demo.customers().stream().map(setup.customers()).toList();
        SentralConfig config = new SentralConfig(node, gateways, customers, demo.accounts(), demo.numberPlan(),
                setup.portedOut().isEmpty() ? Optional.empty() : Optional.of(setup.portedOut()));
        return new TestNode(new SentralServer(config, clock, setup.addressStore()).start());
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

    /**
     * acme's PBX dials {@code dialled} (a number, or a whole URI such as {@code urn:service:sos})
     * presenting {@code from}, with {@code extraHeaders}, and answers the 407 challenge with the
     * trunk's credentials; returns the authorised INVITE sent.
     */
    SipMessage dialFromAcme(SipTestAgent pbx, String from, String dialled, Map<String, String> extraHeaders) {
        String target = dialled.contains(":") ? dialled : "sip:" + dialled + "@" + DOMAIN;
        SipMessage invite = pbx.newInvite(from, target, Sdp.offer(pbx.host(), 41000));
        for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
            invite = invite.withHeader(header.getKey(), header.getValue());
        }
        pbx.send(invite, address);
        SipMessage authorized = new DigestClient("acme-pbx", "acme-secret")
                .authorize(invite, pbx.awaitResponse(invite, 407, WAIT));
        pbx.send(authorized, address);
        return authorized;
    }

    SipMessage dialFromAcme(SipTestAgent pbx, String from, String dialled) {
        return dialFromAcme(pbx, from, dialled, Map.of());
    }

    /** Waits until the call record of {@code callId} is completed and returns it. */
    CallRecord completedRecord(String callId) {
        return Awaitility.await().atMost(WAIT).until(() -> server.callRecords().find(callId),
                r -> r.isPresent() && r.get().completed()).orElseThrow();
    }

    Optional<CallRecord> record(String callId) {
        return server.callRecords().find(callId);
    }

    /** The value of a counter with these tags, 0 if it was never incremented. */
    double counter(String name, String... tags) {
        var counter = server.meters().find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        server.close();
    }
}
