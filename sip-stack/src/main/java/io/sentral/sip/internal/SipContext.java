package io.sentral.sip.internal;

import io.sentral.core.call.SignallingEvents;
import io.sentral.config.SipSettings;
import io.sentral.sip.security.SourceBlocker;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP factories and provider of a running edge, with the few helpers every handler
 * needs: answering a request, our Via and Contact for a transport, new Call-IDs and tags.
 */
public final class SipContext {
    private static final Logger LOG = LoggerFactory.getLogger(SipContext.class);
    public static final String SERVER_NAME = "Sentral/0.1";

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final SipSettings settings;
    private final CallLanes lanes;
    private final int port;
    private final int tlsPort;
    private final SignallingEvents signalling;
    private final SipWire wire;
    private final SourceBlocker blocker;

    public SipContext(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
                      SipSettings settings, CallLanes lanes, int port, int tlsPort, SignallingEvents signalling,
                      SipWire wire, SourceBlocker blocker) {
        this.signalling = signalling;
        this.blocker = blocker;
        this.wire = wire;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.settings = settings;
        this.lanes = lanes;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Where signalling is counted (requests, responses, authentication failures, malformed requests). */
    public SignallingEvents signalling() {
        return signalling;
    }

    /** Where every message sent or received is reported (traces, HEP, transaction times). */
    public SipWire wire() {
        return wire;
    }

    /** Source addresses blocked for failing authentication. */
    public SourceBlocker blocker() {
        return blocker;
    }

    public SipProvider provider() {
        return provider;
    }

    public MessageFactory messages() {
        return messages;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public SipSettings settings() {
        return settings;
    }

    public CallLanes lanes() {
        return lanes;
    }

    public String host() {
        return settings.listenAddress();
    }

    public int port() {
        return port;
    }

    /** Our port for {@code transport}: the TLS port for TLS, else the UDP/TCP port. */
    public int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) ? tlsPort : port;
    }

    /** A response to {@code request}; {@code reason} replaces the default phrase when given. */
    public Response response(Request request, int status, String reason) {
        try {
            Response response = messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            response.setHeader(headers.createServerHeader(List.of(SERVER_NAME)));
            return response;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot build " + status + " response", e);
        }
    }

    /** Sends {@code response} on {@code transaction}, logging (not throwing) if the peer is gone. */
    public void send(ServerTransaction transaction, Response response) {
        try {
            Instant at = wire.now();
            transaction.sendResponse(response);
            signalling.responseSent(response.getStatusCode());
            wire.sent(response, transaction, at);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("could not send {} {}: {}", response.getStatusCode(), response.getReasonPhrase(), e.toString());
        }
    }

    /** Sends the request of a new client transaction (outside a dialog or creating one). */
    public void send(ClientTransaction transaction) throws SipException {
        send(transaction, transaction::sendRequest);
    }

    /** Sends a request within {@code dialog} on its client transaction. */
    public void send(Dialog dialog, ClientTransaction transaction) throws SipException {
        send(transaction, () -> dialog.sendRequest(transaction));
    }

    /** A send on a client transaction, reported to the wire around it. */
    private void send(ClientTransaction transaction, Send send) throws SipException {
        Instant at = wire.sending(transaction.getRequest());
        try {
            send.run();
        } catch (SipException | RuntimeException e) {
            wire.notSent(transaction.getRequest());
            throw e;
        }
        wire.sent(transaction.getRequest(), transaction, at);
    }

    @FunctionalInterface
    private interface Send {
        void run() throws SipException;
    }

    /** Sends the ACK for a 2xx within {@code dialog} (no transaction: RFC 3261 13.2.2.4). */
    public void sendAck(Dialog dialog, Request ack) throws SipException {
        Instant at = wire.now();
        dialog.sendAck(ack);
        wire.sent(ack, provider.getSipStack().getRouter(), at);
    }

    /** Sends a response without a server transaction (a request the transaction layer refused). */
    public void sendStateless(Response response) throws SipException {
        Instant at = wire.now();
        provider.sendResponse(response);
        signalling.responseSent(response.getStatusCode());
        wire.sentStateless(response, at);
    }

    /** Answers {@code request} with {@code status} and {@code reason} on its transaction. */
    public void answer(ServerTransaction transaction, int status, String reason) {
        send(transaction, response(transaction.getRequest(), status, reason));
    }

    /** Ensures the response carries a To tag (needed for every non-100 response to a dialog request). */
    public void tagTo(Response response, String tag) {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            try {
                to.setTag(tag);
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad tag " + tag, e);
            }
        }
    }

    /** Our Contact for {@code transport} ({@code udp}, {@code tcp}). */
    public ContactHeader contact(String transport) {
        try {
            javax.sip.address.SipURI uri = addresses.createSipURI("sentral", host());
            uri.setPort(portFor(transport));
            if (!"udp".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build Contact", e);
        }
    }

    /** A fresh Via for a request we send over {@code transport}. */
    public ViaHeader via(String transport) {
        try {
            return headers.createViaHeader(host(), portFor(transport), transport.toLowerCase(Locale.ROOT), null);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build Via", e);
        }
    }

    public ListeningPoint listeningPoint(String transport) {
        ListeningPoint lp = provider.getListeningPoint(transport.toLowerCase(Locale.ROOT));
        return lp != null ? lp : provider.getListeningPoint(ListeningPoint.UDP);
    }

    /** A Call-ID for a new outgoing leg that runs on {@code lane}. */
    public String newCallId(int lane) {
        return CallLanes.markedCallId(UUID.randomUUID().toString().replace("-", "").substring(0, 20), lane, host());
    }

    public static String newTag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
