package io.sentral.sip.internal;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPTransaction;
import io.sentral.core.call.SignallingEvents;
import io.sentral.core.trace.TracedMessage;
import io.sentral.core.trace.WireTap;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.address.Router;
import javax.sip.Transaction;
import javax.sip.address.Hop;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the edge reports every SIP message it sends or receives (N3): to the wire taps (trace on
 * demand, HEP export) with both endpoints' addresses and the call's correlation id, and — for
 * requests sent on client transactions — the time until their final response (N1). A message is
 * encoded for the taps only while one of them is active.
 */
public final class SipWire {
    private static final Logger LOG = LoggerFactory.getLogger(SipWire.class);
    /** Client transactions still waiting for a final response: the moment their request was sent. */
    private static final int MAX_OPEN_TRANSACTIONS = 100_000;
    private static final Duration STALE_TRANSACTION = Duration.ofMinutes(10);

    private final List<WireTap> taps;
    private final UnaryOperator<String> correlation;
    private final SignallingEvents signalling;
    private final Clock clock;
    private final Map<String, Long> openTransactions = new ConcurrentHashMap<>();
    private final InetSocketAddress udpTcp;
    private final InetSocketAddress tls;

    /**
     * @param correlation the call's id (its incoming leg's Call-ID) for a leg's Call-ID; the
     *                    Call-ID itself for messages outside calls
     * @param udpTcp      our bound UDP/TCP address
     * @param tls         our bound TLS address
     */
    public SipWire(List<WireTap> taps, UnaryOperator<String> correlation, SignallingEvents signalling, Clock clock,
                   InetSocketAddress udpTcp, InetSocketAddress tls) {
        this.taps = List.copyOf(taps);
        this.correlation = correlation;
        this.signalling = signalling;
        this.clock = clock;
        this.udpTcp = udpTcp;
        this.tls = tls;
    }

    /** A message the stack delivered to us. */
    public void received(Message message) {
        Instant at = clock.instant();
        if (message instanceof Response response) {
            finished(response);
        }
        if (anyTapActive()) {
            SIPMessage m = (SIPMessage) message;
            InetAddress from = m.getRemoteAddress() != null ? m.getRemoteAddress() : m.getPeerPacketSourceAddress();
            int fromPort = m.getRemoteAddress() != null ? m.getRemotePort() : m.getPeerPacketSourcePort();
            String transport = transportOf(message);
            report(at, message, false, transport, new InetSocketAddress(from, fromPort), local(transport));
        }
    }

    /**
     * {@code request} is about to be sent on a client transaction: its clock starts now, before the
     * send, since the answer may arrive on another thread before the send returns. Answers the
     * moment for {@link #sent(Message, Transaction, Instant)}.
     */
    Instant sending(Request request) {
        if (!Request.ACK.equals(request.getMethod())) {
            if (openTransactions.size() >= MAX_OPEN_TRANSACTIONS) {
                forgetStale();
            }
            openTransactions.put(keyOf(request), System.nanoTime());
        }
        return clock.instant();
    }

    /** Sending {@code request} failed: no answer will come. */
    void notSent(Request request) {
        openTransactions.remove(keyOf(request));
    }

    /** The moment a message is about to be sent. */
    Instant now() {
        return clock.instant();
    }

    /** A request or response sent at {@code at} on {@code transaction} to its peer. */
    void sent(Message message, Transaction transaction, Instant at) {
        if (anyTapActive()) {
            SIPTransaction tx = (SIPTransaction) transaction;
            String transport = tx.getTransport().toLowerCase(Locale.ROOT);
            report(at, message, true, transport, local(transport),
                    InetSocketAddress.createUnresolved(tx.getPeerAddress(), tx.getPeerPort()));
        }
    }

    /** A request sent at {@code at} outside a transaction (an ACK), to the next hop {@code router} picks. */
    void sent(Request request, Router router, Instant at) {
        if (anyTapActive()) {
            try {
                Hop hop = router.getNextHop(request);
                String transport = hop.getTransport().toLowerCase(Locale.ROOT);
                report(at, request, true, transport, local(transport),
                        InetSocketAddress.createUnresolved(hop.getHost(), hop.getPort()));
            } catch (SipException e) {
                LOG.debug("no next hop to trace {}: {}", request.getMethod(), e.toString());
            }
        }
    }

    /** A response sent statelessly at {@code at}, to where its top Via says (RFC 3261 18.2.2, RFC 3581). */
    void sentStateless(Response response, Instant at) {
        if (anyTapActive()) {
            ViaHeader via = (ViaHeader) response.getHeader(ViaHeader.NAME);
            String host = via.getReceived() != null ? via.getReceived() : via.getHost();
            int port = via.getRPort() > 0 ? via.getRPort() : via.getPort() > 0 ? via.getPort() : 5060;
            String transport = via.getTransport().toLowerCase(Locale.ROOT);
            report(at, response, true, transport, local(transport), InetSocketAddress.createUnresolved(host, port));
        }
    }

    /** A client transaction gave up without a final response. */
    public void timedOut(ClientTransaction transaction) {
        openTransactions.remove(keyOf(transaction.getRequest()));
    }

    /** Transactions older than any SIP timer allows (64*T1 = 32 s, INVITE ringing aside) are dropped. */
    private void forgetStale() {
        long horizon = System.nanoTime() - STALE_TRANSACTION.toNanos();
        openTransactions.values().removeIf(started -> started - horizon < 0);
    }

    private void finished(Response response) {
        if (response.getStatusCode() < 200) {
            return;
        }
        Long sentAt = openTransactions.remove(keyOf(response));
        if (sentAt != null) {
            String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
            signalling.transactionCompleted(method, Duration.ofNanos(System.nanoTime() - sentAt));
        }
    }

    /** A client transaction's key: the branch of our top Via and the CSeq method (RFC 3261 17.1.3). */
    private static String keyOf(Message message) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        return (via == null ? "" : via.getBranch()) + " " + (cseq == null ? "" : cseq.getMethod());
    }

    private boolean anyTapActive() {
        for (WireTap tap : taps) {
            if (tap.active()) {
                return true;
            }
        }
        return false;
    }

    /** Never lets a tap's trouble reach the call that sent or received the message. */
    private void report(Instant at, Message message, boolean sent, String transport, InetSocketAddress source,
                        InetSocketAddress destination) {
        try {
            deliver(at, message, sent, transport, source, destination);
        } catch (RuntimeException e) {
            LOG.warn("could not report a SIP message to the wire taps: {}", e.toString());
        }
    }

    private void deliver(Instant at, Message message, boolean sent, String transport, InetSocketAddress source,
                         InetSocketAddress destination) {
        CallIdHeader callIdHeader = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        String callId = callIdHeader == null ? "" : callIdHeader.getCallId();
        TracedMessage traced = new TracedMessage(at, sent, transport, resolved(source),
                resolved(destination), callId, message.toString());
        String correlationId = correlation.apply(callId);
        for (WireTap tap : taps) {
            if (tap.active()) {
                tap.observe(traced, correlationId);
            }
        }
    }

    private InetSocketAddress local(String transport) {
        return "tls".equals(transport) ? tls : udpTcp;
    }

    private static String transportOf(Message message) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    /** Peers are IP literals almost always; a host name is looked up (the JVM caches it). */
    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }
}
