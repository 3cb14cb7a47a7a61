package io.sentral.testkit;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an agent remembers about its transactions and dialogs so that it behaves like a UA's
 * transaction layer (RFC 3261 §17): which messages it has already seen (a retransmission is
 * answered again, never queued twice), where each request came from, what it answered, which
 * requests it sent where, which ACK it sent for a 2xx, its To tags and its CSeq counters.
 * Thread-safe: the reader thread and the test thread both use it.
 */
final class TransactionMemory {

    /** A message and where it went. */
    record Sent(SipMessage message, InetSocketAddress to) {
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, InetSocketAddress> sources = new ConcurrentHashMap<>();
    private final Map<String, Sent> responses = new ConcurrentHashMap<>();
    private final Map<String, Sent> requests = new ConcurrentHashMap<>();
    private final Map<String, Sent> acks = new ConcurrentHashMap<>();
    private final Map<String, String> localTags = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> cseqs = new ConcurrentHashMap<>();

    /** Identifies a request's transaction; its retransmissions have the same key (§17.2.3). */
    static String requestKey(SipMessage request) {
        return request.callId() + "|" + request.branch().orElse("") + "|" + request.fromTag().orElse("") + "|"
                + request.cseq();
    }

    /** Identifies one response; its retransmissions have the same key. */
    static String responseKey(SipMessage response) {
        return response.callId() + "|" + response.branch().orElse("") + "|" + response.cseq() + "|"
                + response.status() + "|" + response.toTag().orElse("");
    }

    /** Records that the message arrived from {@code source}; true the first time it is seen. */
    boolean firstSight(String key, InetSocketAddress source) {
        sources.putIfAbsent(key, source);
        return seen.add(key);
    }

    Optional<InetSocketAddress> source(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    void answered(SipMessage request, Sent response) {
        responses.put(requestKey(request), response);
    }

    /** Our last response to the request with this key, to repeat for a retransmission. */
    Optional<Sent> answerTo(String requestKey) {
        return Optional.ofNullable(responses.get(requestKey));
    }

    void sent(SipMessage request, InetSocketAddress to) {
        requests.put(clientKey(request.branch().orElse(""), request.method()), new Sent(request, to));
    }

    /** The request of ours that {@code response} answers, if we sent it. */
    Optional<Sent> requestAnsweredBy(SipMessage response) {
        return Optional.ofNullable(requests.get(clientKey(response.branch().orElse(""), response.cseq().method())));
    }

    Optional<Sent> sentRequest(SipMessage request) {
        return Optional.ofNullable(requests.get(clientKey(request.branch().orElse(""), request.method())));
    }

    void acked(SipMessage okResponse, Sent ack) {
        acks.put(okResponse.callId() + "|" + okResponse.cseq().number(), ack);
    }

    /** The ACK we sent for this 2xx, to repeat when the 2xx is retransmitted (§13.2.2.4). */
    Optional<Sent> ackFor(SipMessage okResponse) {
        return Optional.ofNullable(acks.get(okResponse.callId() + "|" + okResponse.cseq().number()));
    }

    /** Our To tag for the dialog the request creates: one per Call-ID and From tag. */
    String localTag(SipMessage request) {
        return localTags.computeIfAbsent(request.callId() + "|" + request.fromTag().orElse(""), k -> Tokens.tag());
    }

    /** The CSeq for our next request in {@code dialog}, counting on from its local CSeq. */
    long nextCseq(Dialog dialog) {
        return cseqs.computeIfAbsent(dialog.callId() + "|" + dialog.localTag(), k -> new AtomicLong(dialog.localCseq()))
                .incrementAndGet();
    }

    private static String clientKey(String branch, String method) {
        return branch + "|" + method;
    }
}
