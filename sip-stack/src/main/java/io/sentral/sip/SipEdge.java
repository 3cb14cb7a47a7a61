package io.sentral.sip;

import io.sentral.config.SipSettings;
import io.sentral.core.tenant.Transport;
import io.sentral.sip.auth.DigestAlgorithm;
import io.sentral.sip.auth.DigestAuthenticator;
import io.sentral.sip.auth.NonceService;
import io.sentral.sip.b2bua.CallRegistry;
import io.sentral.core.switchboard.QueueCallControl;
import io.sentral.core.call.CallControl;
import io.sentral.sip.b2bua.CallControlExecutor;
import io.sentral.sip.b2bua.CallServices;
import io.sentral.sip.b2bua.PublishingSwitchboard;
import io.sentral.sip.b2bua.CallSignals;
import io.sentral.sip.b2bua.QueueCallExecutor;
import io.sentral.sip.gateway.GatewayPinger;
import io.sentral.sip.b2bua.InviteHandler;
import io.sentral.sip.b2bua.OriginResolver;
import io.sentral.sip.emergency.LocationFormats;
import io.sentral.sip.emergency.LocationLookup;
import io.sentral.sip.internal.CallLanes;
import io.sentral.sip.internal.SipContext;
import io.sentral.sip.internal.SafeMessageParserFactory;
import io.sentral.sip.internal.QuietServerLogger;
import io.sentral.sip.internal.WireLog;
import io.sentral.sip.internal.Slf4jStackLogger;
import io.sentral.sip.registrar.BindingRules;
import io.sentral.sip.registrar.RegisterHandler;
import io.sentral.sip.registrar.RegistrarPolicy;
import io.sentral.sip.tls.TlsKeystore;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import io.sentral.core.trace.WireTap;
import java.util.ArrayList;
import java.net.InetSocketAddress;
import io.sentral.sip.internal.SipWire;
import io.sentral.sip.security.SourceBlocker;
import io.sentral.sip.b2bua.B2buaCall;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import gov.nist.javax.sip.SipStackExt;
import javax.net.ssl.SSLContext;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP edge of Sentral: a JAIN-SIP stack listening on UDP and TCP, with the registrar, the
 * B2BUA and OPTIONS behind one dispatcher. It executes routing decisions; it never makes them.
 */
public final class SipEdge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipEdge.class);
    private static final int MAX_CONTACTS_PER_AOR = 10;
    /** How long an emergency call may wait for its caller's address before it goes out without (T6). */
    private static final java.time.Duration LOCATION_BUDGET = java.time.Duration.ofMillis(300);

    private final SipSettings settings;
    private final Optional<TlsKeystore> tls;
    private final SipEdgeServices services;
    private final CallRegistry calls = new CallRegistry();
    private final LocationLookup locations;
    private final SourceBlocker blocker;
    private CallLanes lanes;
    private SipStack stack;
    private GatewayPinger pinger;
    private int port;
    private int tlsPort;
    private volatile QueueCallControl queueControl;
    private volatile CallControl callControl;

    /**
     * @param tls the TLS certificate; required when {@code settings} list the TLS transport
     */
    public SipEdge(SipSettings settings, Optional<TlsKeystore> tls, SipEdgeServices services) {
        this.settings = settings;
        this.tls = tls;
        this.services = services;
        this.locations = new LocationLookup(services.emergencyAddresses(), LOCATION_BUDGET);
        this.blocker = new SourceBlocker(settings.blocking(), services.clock(),
                ip -> OriginResolver.trustedByAddress(services.gateways(), services.tenants().get(), ip));
        if (settings.transports().contains(Transport.TLS) && tls.isEmpty()) {
            throw new IllegalArgumentException("SIP over TLS is configured but no TLS key store was given");
        }
    }

    /** Source addresses blocked for failing authentication (N1: blocked sources). */
    public SourceBlocker blocker() {
        return blocker;
    }

    /** Binds the listeners and starts processing; port 0 picks a free port for UDP and TCP alike. */
    public synchronized void start() {
        lanes = new CallLanes(Math.max(1, settings.lanes()));
        SipException failure = null;
        for (int tries = 0; tries < 5; tries++) {
            int candidate = settings.port() != 0 ? settings.port() : freePort(settings.listenAddress());
            int tlsCandidate = settings.tlsPort() != 0 || !usesTls()
                    ? settings.tlsPort() : freePort(settings.listenAddress());
            try {
                open(candidate, tlsCandidate);
                port = candidate;
                tlsPort = tlsCandidate;
                services.location().load();
                LOG.info("SIP listening on {}:{} ({}){}", settings.listenAddress(), port,
                        settings.transports().stream().filter(t -> t != Transport.TLS).toList(),
                        usesTls() ? ", TLS on port " + tlsPort : "");
                return;
            } catch (Exception e) {
                failure = new SipException("cannot listen for SIP on " + settings.listenAddress() + ":" + candidate
                        + (usesTls() ? " and TLS port " + tlsCandidate : "") + ": " + e.getMessage(), e);
                stopStack();
                if (settings.port() != 0 && (settings.tlsPort() != 0 || !usesTls())) {
                    break;
                }
            }
        }
        lanes.close();
        throw failure;
    }

    private boolean usesTls() {
        return settings.transports().contains(Transport.TLS);
    }

    private void open(int candidate, int tlsCandidate) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        stack = factory.createSipStack(stackProperties());
        if (usesTls()) {
            // JAIN-SIP's built-in cipher list predates TLS 1.3; today's JDKs refuse all of it
            ((SipStackExt) stack).setEnabledCipherSuites(
                    SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
        }
        SipProvider provider = null;
        for (Transport transport : settings.transports()) {
            int listenPort = transport == Transport.TLS ? tlsCandidate : candidate;
            ListeningPoint lp = stack.createListeningPoint(settings.listenAddress(), listenPort, transport.lowerCase());
            if (provider == null) {
                provider = stack.createSipProvider(lp);
            } else {
                provider.addListeningPoint(lp);
            }
        }
        if (provider == null) {
            throw new IllegalStateException("no UDP or TCP transport configured");
        }
        SipWire wire = new SipWire(withWireLog(services.wireTaps()), callId -> calls.find(callId).map(B2buaCall::callId)
                .orElse(callId), services.signalling(), services.clock(),
                new InetSocketAddress(settings.listenAddress(), candidate),
                new InetSocketAddress(settings.listenAddress(), tlsCandidate));
        SipContext sip = new SipContext(provider, factory.createMessageFactory(), factory.createHeaderFactory(),
                factory.createAddressFactory(), settings, lanes, candidate, tlsCandidate, services.signalling(), wire,
                blocker);
        DigestAuthenticator authenticator = new DigestAuthenticator(settings.domain(),
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256),
                new NonceService(services.clock(), settings.nonceTtl()));
        RegisterHandler registrar = new RegisterHandler(sip, authenticator,
                user -> OriginResolver.credentialsOf(services.tenants().get(), user), services.location(),
                new BindingRules(new RegistrarPolicy(settings.minExpires(), settings.maxExpires(),
                        settings.defaultExpires(), MAX_CONTACTS_PER_AOR)),
                services.clock());
        CallServices callServices = new CallServices(sip, services.events(), services.clock(), calls,
                new LocationFormats(services.gateways()),
                new PublishingSwitchboard(services.switchboard(), services.policyEvents()), services.queues());
        InviteHandler invites = new InviteHandler(sip,
                new OriginResolver(services.tenants(), services.gateways(), authenticator), authenticator,
                services.router(), callServices, services.policyEvents(), locations);
        queueControl = new QueueCallExecutor(sip, calls);
        callControl = new CallControlExecutor(sip, calls);
        pinger = new GatewayPinger(sip, services.gateways(), services.gatewayStatus());
        provider.addSipListener(new SipDispatcher(sip, registrar, invites, new CallSignals(sip, calls, pinger)));
        stack.start();
        pinger.start(settings.gatewayPingInterval());
    }

    private static List<WireTap> withWireLog(List<WireTap> taps) {
        List<WireTap> all = new ArrayList<>(taps);
        all.add(new WireLog());
        return all;
    }

    private Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "sentral-" + UUID.randomUUID());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", QuietServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", SafeMessageParserFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
        tls.ifPresent(keystore -> {
            // JAIN-SIP reads its TLS material from the stack properties, not from system properties
            p.setProperty("javax.net.ssl.keyStore", keystore.path().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", keystore.password());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", keystore.path().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", keystore.password());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
        });
        return p;
    }

    /** The SIP port in use (the configured one, or the free port picked for port 0). */
    /**
     * Where the queues send their decisions (S2): the edge executes them on the callers' calls.
     * Available once {@link #start() started}.
     */
    public QueueCallControl queueControl() {
        QueueCallControl control = queueControl;
        if (control == null) {
            throw new IllegalStateException("the SIP edge has not been started");
        }
        return control;
    }

    /** Server-side commands on live calls (S8 transfers). Available once {@link #start() started}. */
    public CallControl callControl() {
        CallControl control = callControl;
        if (control == null) {
            throw new IllegalStateException("the SIP edge has not been started");
        }
        return control;
    }

    public int port() {
        return port;
    }

    /** The SIP TLS port in use, 0 without TLS. */
    public int tlsPort() {
        return usesTls() ? tlsPort : 0;
    }

    /** Live calls, for health and metrics. */
    public long activeCalls() {
        return calls.activeCalls();
    }

    private static int freePort(String address) {
        for (int i = 0; i < 50; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(20000, 60000);
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), candidate));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getByName(address), candidate));
                return candidate;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new SipException("no free port found on " + address, null);
    }

    private void stopStack() {
        if (pinger != null) {
            pinger.close();
            pinger = null;
        }
        if (stack != null) {
            try {
                stack.stop();
            } catch (RuntimeException e) {
                LOG.debug("stopping SIP stack: {}", e.toString());
            }
            stack = null;
        }
    }

    @Override
    public synchronized void close() {
        stopStack();
        locations.close();
        if (lanes != null) {
            lanes.close();
            lanes = null;
        }
    }

    /** Why the edge could not start. */
    public static final class SipException extends RuntimeException {
        SipException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
