package io.sentral.sip.gateway;

import io.sentral.config.GatewaySettings;
import io.sentral.sip.internal.SipContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every gateway with OPTIONS at a fixed interval, like Kamailio's dispatcher probing: an
 * answer below 500 (or a 6xx) means the gateway is alive; a 5xx, or no answer within the gateway
 * timeout, takes it out of routing until it answers again.
 */
public final class GatewayPinger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPinger.class);

    private final SipContext sip;
    private final List<GatewaySettings> gateways;
    private final GatewayStatusBoard board;
    private final AtomicLong rounds = new AtomicLong();
    private final Map<String, Long> answeredRound = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gateway-pinger");
        t.setDaemon(true);
        return t;
    });

    public GatewayPinger(SipContext sip, List<GatewaySettings> gateways, GatewayStatusBoard board) {
        this.sip = sip;
        this.gateways = List.copyOf(gateways);
        this.board = board;
    }

    public void start(Duration interval) {
        if (interval.isZero() || gateways.isEmpty()) {
            return;
        }
        timer.scheduleWithFixedDelay(this::pingAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pingAll() {
        long round = rounds.incrementAndGet();
        for (GatewaySettings gateway : gateways) {
            try {
                ping(gateway, round);
            } catch (Exception e) {
                board.mark(gateway.name(), false, "cannot send OPTIONS: " + e.getMessage());
            }
        }
        long deadline = sip.settings().gatewayTimeout().toMillis();
        timer.schedule(() -> checkAnswers(round), deadline, TimeUnit.MILLISECONDS);
    }

    private void ping(GatewaySettings gateway, long round) throws Exception {
        SipURI target = sip.addresses().createSipURI(null, gateway.endpoint().host());
        target.setPort(gateway.endpoint().port());
        String transport = gateway.endpoint().transport().lowerCase();
        if (!"udp".equals(transport)) {
            target.setTransportParam(transport);
        }
        Address from = sip.addresses().createAddress(sip.addresses().createSipURI("sentral", sip.settings().domain()));
        Request options = sip.messages().createRequest(target, Request.OPTIONS,
                sip.headers().createCallIdHeader(sip.newCallId(0)),
                sip.headers().createCSeqHeader(round, Request.OPTIONS),
                sip.headers().createFromHeader(from, SipContext.newTag()),
                sip.headers().createToHeader(sip.addresses().createAddress(target), null),
                List.of(sip.via(transport)),
                sip.headers().createMaxForwardsHeader(70));
        ClientTransaction tx = sip.provider().getNewClientTransaction(options);
        tx.setApplicationData(new GatewayProbe(gateway.name(), round));
        sip.send(tx);
    }

    /** A gateway answered a ping (called on a lane). */
    public void onAnswer(GatewayProbe probe, int status) {
        answeredRound.merge(probe.gateway(), probe.round(), Math::max);
        boolean alive = status < 500 || status >= 600;
        board.mark(probe.gateway(), alive, "OPTIONS answered " + status);
    }

    private void checkAnswers(long round) {
        for (GatewaySettings gateway : gateways) {
            if (answeredRound.getOrDefault(gateway.name(), 0L) < round) {
                board.mark(gateway.name(), false, "no answer to OPTIONS within " + sip.settings().gatewayTimeout());
            }
        }
        LOG.debug("gateway ping round {} checked", round);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
