package io.sentral.testkit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A small SIP user agent for black-box tests: a UDP socket on a loopback address of the test's
 * choosing (so the server tells peers apart by source IP, see DEMO.md), or one TCP connection to
 * the server. It speaks raw SIP text; a reader thread queues what arrives and tests take it with
 * bounded waits ({@code await…}: fails with an {@link AssertionError} that lists what did arrive).
 *
 * <p>Like the transaction layer of a real UA, and so that tests see no retransmission noise, it
 * queues each request and response once, answers a retransmitted request with the response it
 * already sent, repeats its ACK when a 2xx is retransmitted, acknowledges non-2xx final responses
 * to its INVITEs and answers OPTIONS pings ({@link AgentOptions}). It does not retransmit its own
 * requests: loopback does not lose datagrams.
 *
 * <pre>{@code
 * Duration wait = Duration.ofSeconds(2);
 * InetSocketAddress server = new InetSocketAddress("127.0.0.1", 5060);
 * try (SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 5060);
 *      SipTestAgent pbx = SipTestAgent.udp("127.0.0.6", 0)) {
 *     // the PBX registers with digest (401 challenge answered once)
 *     SipMessage registered = pbx.register(server, new DigestClient("acme-pbx", "acme-secret"),
 *             "sentral.test", Duration.ofHours(1), wait);
 *
 *     // the carrier places a call; the PBX receives it and answers
 *     SipMessage invite = carrier.newInvite("+4791234567", "sip:+4722120005@127.0.0.1:5060",
 *             Sdp.offer("127.0.0.2", 40000));
 *     carrier.send(invite, server);
 *     SipMessage incoming = pbx.awaitRequest("INVITE", wait);
 *     pbx.respond(incoming, 180, "Ringing");
 *     SipMessage answer = pbx.answer(incoming, Sdp.offer("127.0.0.6", 40002));
 *
 *     // the caller ACKs the 200; later the callee hangs up
 *     SipMessage ok = carrier.awaitResponse(invite, 200, wait);
 *     carrier.ack(invite, ok);
 *     pbx.awaitRequest("ACK", wait);
 *     SipMessage bye = pbx.bye(Dialog.asUas(incoming, answer));
 *     carrier.respond(carrier.awaitRequest("BYE", wait), 200, "OK");
 *     pbx.awaitResponse(bye, 200, wait);
 * }
 * }</pre>
 */
public final class SipTestAgent implements AutoCloseable {
    private final Wire wire;
    private final AgentOptions options;
    private final RequestFactory factory;
    private final Inbox inbox = new Inbox();
    private final TransactionMemory memory = new TransactionMemory();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private SipTestAgent(Wire wire, AgentOptions options) {
        this.wire = wire;
        this.options = Objects.requireNonNull(options, "options");
        InetSocketAddress local = wire.local();
        this.factory = new RequestFactory(wire.transport(), local.getAddress().getHostAddress(), local.getPort(),
                options.userAgent());
    }

    /** A UDP agent bound to {@code ip}:{@code port} (0 = any free port). */
    public static SipTestAgent udp(String ip, int port) {
        return udp(ip, port, AgentOptions.defaults());
    }

    public static SipTestAgent udp(String ip, int port, AgentOptions options) {
        return start(new UdpWire(Objects.requireNonNull(ip, "ip"), port), options);
    }

    /** A TCP agent connected from {@code localIp} (any free port) to the server; everything goes over that connection. */
    public static SipTestAgent tcp(String localIp, String serverHost, int serverPort) {
        return tcp(localIp, serverHost, serverPort, AgentOptions.defaults());
    }

    public static SipTestAgent tcp(String localIp, String serverHost, int serverPort, AgentOptions options) {
        return start(new TcpWire(Objects.requireNonNull(localIp, "localIp"),
                Objects.requireNonNull(serverHost, "serverHost"), serverPort, Optional.empty()), options);
    }

    /**
     * A TLS agent connected from {@code localIp} to the server. It trusts any server certificate
     * ({@link TrustingTls}): tests talk to self-signed demo certificates on loopback.
     */
    public static SipTestAgent tls(String localIp, String serverHost, int serverPort) {
        return start(new TcpWire(Objects.requireNonNull(localIp, "localIp"),
                Objects.requireNonNull(serverHost, "serverHost"), serverPort, Optional.of(TrustingTls.context())),
                AgentOptions.defaults());
    }

    private static SipTestAgent start(Wire wire, AgentOptions options) {
        SipTestAgent agent = new SipTestAgent(wire, options);
        wire.start(agent.new Reception());
        return agent;
    }

    // ---- identity

    public InetSocketAddress address() {
        return wire.local();
    }

    public String host() {
        return wire.local().getAddress().getHostAddress();
    }

    public int port() {
        return wire.local().getPort();
    }

    /** {@code UDP} or {@code TCP}. */
    public String transport() {
        return wire.transport();
    }

    /** A SIP URI reaching this agent, e.g. {@code sip:+4722120005@127.0.0.2:5070}. */
    public String uri(String user) {
        return NameAddr.parse(factory.contact(Objects.requireNonNull(user, "user"))).uri();
    }

    // ---- building requests (not sent)

    /** A REGISTER of {@code user@domain} with our Contact and {@code Expires} (0 = unregister). */
    public SipMessage newRegister(String user, String domain, Duration expires) {
        return factory.register(user, domain, expires);
    }

    /**
     * An INVITE to {@code toUri} from {@code from} (a number, shown as {@code sip:<number>@<our host>},
     * or a whole URI) with {@code sdp} as offer (empty: no body, late offer).
     */
    public SipMessage newInvite(String from, String toUri, String sdp) {
        return factory.invite(from, toUri, sdp);
    }

    public SipMessage newOptions(String uri) {
        return factory.options(uri);
    }

    /** The same request as a new transaction: next CSeq, new branch (a REGISTER refresh). */
    public SipMessage next(SipMessage request) {
        return request.withCSeq(request.cseq().number() + 1).withTopViaBranch(Tokens.branch());
    }

    // ---- sending

    public void send(SipMessage message, String host, int port) {
        send(message, new InetSocketAddress(host, port));
    }

    /** Sends as is. A TCP agent only sends to the server it is connected to. */
    public void send(SipMessage message, InetSocketAddress to) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(to, "to");
        if (wire instanceof TcpWire tcp && !tcp.remote().equals(to)) {
            throw new IllegalArgumentException("TCP agent is connected to " + tcp.remote() + ", not " + to);
        }
        if (message.isRequest()) {
            memory.sent(message, to);
        }
        transmit(message, to);
    }

    /** Sends text exactly as given (malformed-message tests). */
    public void sendRaw(String text, InetSocketAddress to) {
        wire.send(text.getBytes(StandardCharsets.UTF_8), to);
    }

    public SipMessage respond(SipMessage request, int status, String reason) {
        return respond(request, status, reason, Map.of(), "");
    }

    /**
     * Answers a received request: copies Via(s), From, Call-ID, CSeq and To with our tag (the same
     * tag for every response in the dialog; none on 100), adds our Contact and the Record-Route to
     * 1xx/2xx of INVITE, and sends it to where the request came from. A retransmission of the
     * request is later answered with this response automatically.
     *
     * @param extraHeaders replace same-named headers; {@code Content-Type} types the body (default SDP)
     * @return the response sent
     */
    public SipMessage respond(SipMessage request, int status, String reason, Map<String, String> extraHeaders,
                              String body) {
        Optional<String> toTag = status > 100 ? Optional.of(memory.localTag(request)) : Optional.empty();
        SipMessage response = factory.response(request, status, reason, toTag, extraHeaders, body);
        InetSocketAddress to = memory.source(TransactionMemory.requestKey(request)).orElseGet(() -> viaAddress(request));
        memory.answered(request, new TransactionMemory.Sent(response, to));
        transmit(response, to);
        return response;
    }

    /** 200 OK to an INVITE with {@code sdp} as answer. */
    public SipMessage answer(SipMessage invite, String sdp) {
        return respond(invite, 200, "OK", Map.of("Content-Type", "application/sdp"), sdp);
    }

    /**
     * ACKs a final response to an INVITE this agent sent: for a 2xx a new transaction to the
     * remote target along the route set; otherwise the INVITE's branch, to where it went.
     *
     * @return the ACK sent
     */
    public SipMessage ack(SipMessage invite, SipMessage response) {
        if (!response.isFinal()) {
            throw new IllegalArgumentException("only final responses are acknowledged: " + response.startLine());
        }
        if (response.isSuccess()) {
            SipMessage ack = factory.ackFor2xx(invite, response);
            InetSocketAddress to = Dialog.asUac(invite, response).nextHop().socketAddress();
            memory.acked(response, new TransactionMemory.Sent(ack, to));
            transmit(ack, to);
            return ack;
        }
        SipMessage ack = factory.ackForNon2xx(invite, response);
        transmit(ack, destinationOf(invite));
        return ack;
    }

    /** Cancels an INVITE this agent sent, to where the INVITE went. @return the CANCEL sent */
    public SipMessage cancel(SipMessage invite) {
        SipMessage cancel = factory.cancel(invite);
        InetSocketAddress to = destinationOf(invite);
        memory.sent(cancel, to);
        transmit(cancel, to);
        return cancel;
    }

    /** Ends the dialog. @return the BYE sent */
    public SipMessage bye(Dialog dialog) {
        return sendInDialog(dialog, "BYE", "", "");
    }

    /** A new offer in the dialog; ACK its 2xx with {@link #ack}. @return the INVITE sent */
    public SipMessage reInvite(Dialog dialog, String sdp) {
        return sendInDialog(dialog, "INVITE", "application/sdp", sdp);
    }

    /** Sends a request of {@code method} inside the dialog, with the dialog's next CSeq. @return the request sent */
    public SipMessage sendInDialog(Dialog dialog, String method, String contentType, String body) {
        SipMessage request = factory.inDialog(dialog, method, memory.nextCseq(dialog), contentType, body);
        InetSocketAddress to = dialog.nextHop().socketAddress();
        memory.sent(request, to);
        transmit(request, to);
        return request;
    }

    /**
     * A REFER inside the dialog (RFC 3515): {@code referTo} is the Refer-To value, e.g.
     * {@code <sip:103@sentral.test>} or one with an escaped {@code ?Replaces=} header (RFC 3891).
     *
     * @return the REFER sent
     */
    public SipMessage refer(Dialog dialog, String referTo) {
        SipMessage request = factory.inDialog(dialog, "REFER", memory.nextCseq(dialog), "", "")
                .withHeader("Refer-To", referTo)
                .withHeader("Contact", factory.contact(""));
        InetSocketAddress to = dialog.nextHop().socketAddress();
        memory.sent(request, to);
        transmit(request, to);
        return request;
    }

    /**
     * REGISTER with digest: sends a REGISTER, answers a 401/407 challenge once with
     * {@code credentials} and returns the final response (200, 403…).
     */
    public SipMessage register(InetSocketAddress registrar, DigestClient credentials, String domain, Duration expires,
                               Duration timeout) {
        SipMessage register = newRegister(credentials.username(), domain, expires);
        send(register, registrar);
        SipMessage answer = awaitFinalResponse(register, timeout);
        if (answer.status() == 401 || answer.status() == 407) {
            SipMessage authorized = credentials.authorize(register, answer);
            send(authorized, registrar);
            answer = awaitFinalResponse(authorized, timeout);
        }
        return answer;
    }

    // ---- receiving

    /** The oldest request of {@code method} not yet taken, waiting up to {@code timeout}. */
    public SipMessage awaitRequest(String method, Duration timeout) {
        return await(m -> m.isRequest() && m.method().equals(method), method + " request", timeout);
    }

    public SipMessage awaitRequest(Predicate<SipMessage> wanted, Duration timeout) {
        return await(m -> m.isRequest() && wanted.test(m), "matching request", timeout);
    }

    /** Like {@link #awaitRequest(String, Duration)}, but empty instead of failing (to check that none comes). */
    public Optional<SipMessage> pollRequest(String method, Duration timeout) {
        return inbox.take(m -> m.isRequest() && m.method().equals(method), timeout);
    }

    /** The next response (any status) to {@code request}. */
    public SipMessage awaitResponse(SipMessage request, Duration timeout) {
        return await(answers(request), "response to " + request.cseq(), timeout);
    }

    /**
     * The response with {@code status} to {@code request}; fails at once if another final response
     * comes instead. Other provisional responses stay queued.
     */
    public SipMessage awaitResponse(SipMessage request, int status, Duration timeout) {
        SipMessage got = await(answers(request).and(m -> m.status() == status || m.isFinal()),
                status + " to " + request.cseq(), timeout);
        if (got.status() != status) {
            throw new AssertionError(describe() + " expected " + status + " to " + request.cseq() + " but got "
                    + got.startLine() + "\n" + got);
        }
        return got;
    }

    /** The final response to {@code request}; provisional ones stay queued. */
    public SipMessage awaitFinalResponse(SipMessage request, Duration timeout) {
        return await(answers(request).and(SipMessage::isFinal), "final response to " + request.cseq(), timeout);
    }

    public SipMessage awaitResponse(String callId, String method, Duration timeout) {
        return await(m -> m.isResponse() && m.callId().equals(callId) && m.cseq().method().equals(method),
                "response to " + method + " in " + callId, timeout);
    }

    public SipMessage awaitResponse(Predicate<SipMessage> wanted, Duration timeout) {
        return await(m -> m.isResponse() && wanted.test(m), "matching response", timeout);
    }

    /** Takes everything received and not yet taken. */
    public List<SipMessage> drain() {
        return inbox.drain();
    }

    /** Received and not yet taken, without taking it. */
    public List<SipMessage> pending() {
        return inbox.pending();
    }

    /** Where a received message came from (the packet's source address, or the TCP peer). */
    public Optional<InetSocketAddress> sourceOf(SipMessage received) {
        String key = received.isRequest() ? TransactionMemory.requestKey(received)
                : TransactionMemory.responseKey(received);
        return memory.source(key);
    }

    /** Input the agent could not use (unparseable datagrams, a lost connection), for diagnosis. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        wire.close();
    }

    @Override
    public String toString() {
        return "SipTestAgent[" + wire.transport() + " " + host() + ":" + port() + "]";
    }

    private static Predicate<SipMessage> answers(SipMessage request) {
        CSeq cseq = request.cseq();
        Optional<String> branch = request.branch();
        return m -> m.isResponse() && m.callId().equals(request.callId()) && m.cseq().equals(cseq)
                && (branch.isEmpty() || branch.equals(m.branch()));
    }

    private SipMessage await(Predicate<SipMessage> wanted, String what, Duration timeout) {
        return inbox.take(wanted, timeout).orElseThrow(() -> new AssertionError(
                describe() + " got no " + what + " within " + timeout + "; queued: "
                        + inbox.pending().stream().map(SipTestAgent::summary).toList()
                        + (problems.isEmpty() ? "" : "; problems: " + problems)));
    }

    private String describe() {
        return toString();
    }

    private static String summary(SipMessage m) {
        return m.isRequest() ? m.method() + " " + m.requestUri() : m.status() + " " + m.reason() + " (" + m.cseq() + ")";
    }

    private InetSocketAddress destinationOf(SipMessage request) {
        return memory.sentRequest(request).map(TransactionMemory.Sent::to).orElseThrow(
                () -> new IllegalArgumentException(request.method() + " " + request.cseq() + " was not sent by " + this));
    }

    /** Top Via's received/rport, else its sent-by (RFC 3261 §18.2.2, RFC 3581 §4). */
    private static InetSocketAddress viaAddress(SipMessage request) {
        Via via = request.topVia();
        String host = via.param("received").filter(r -> !r.isEmpty()).orElse(via.host());
        int port = via.param("rport").filter(p -> p.matches("[0-9]+")).map(Integer::parseInt)
                .orElse(via.port().orElse(5060));
        return new InetSocketAddress(host, port);
    }

    private void transmit(SipMessage message, InetSocketAddress to) {
        wire.send(message.toBytes(), to);
    }

    /** Runs on the reader thread: dedupes, answers what a transaction layer answers, queues the rest. */
    private final class Reception implements Wire.Receiver {

        @Override
        public void onMessage(byte[] data, InetSocketAddress source) {
            SipMessage message;
            try {
                message = SipMessage.parse(data);
            } catch (IllegalArgumentException e) {
                onProblem("unparseable message from " + source + ": " + e.getMessage());
                return;
            }
            try {
                if (message.isRequest()) {
                    onRequest(message, source);
                } else {
                    onResponse(message, source);
                }
            } catch (RuntimeException e) {
                onProblem("cannot handle " + message.startLine() + " from " + source + ": " + e);
            }
        }

        private void onRequest(SipMessage request, InetSocketAddress source) {
            String key = TransactionMemory.requestKey(request);
            if (!memory.firstSight(key, source)) {
                memory.answerTo(key).ifPresent(sent -> transmit(sent.message(), sent.to()));
                return;
            }
            inbox.add(request);
            if (request.method().equals("OPTIONS") && options.answerOptions()) {
                respond(request, 200, "OK", Map.of("Allow", RequestFactory.ALLOW, "Accept", "application/sdp"), "");
            }
        }

        private void onResponse(SipMessage response, InetSocketAddress source) {
            boolean first = memory.firstSight(TransactionMemory.responseKey(response), source);
            if (response.cseq().method().equals("INVITE") && response.isFinal()) {
                if (response.isSuccess() && !first) {
                    memory.ackFor(response).ifPresent(sent -> transmit(sent.message(), sent.to()));
                } else if (!response.isSuccess() && options.autoAckNon2xx()) {
                    memory.requestAnsweredBy(response).ifPresent(
                            invite -> transmit(factory.ackForNon2xx(invite.message(), response), invite.to()));
                }
            }
            if (first) {
                inbox.add(response);
            }
        }

        @Override
        public void onProblem(String description) {
            problems.add(description);
        }
    }
}
