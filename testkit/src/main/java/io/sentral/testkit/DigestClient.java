package io.sentral.testkit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of SIP digest authentication (RFC 3261 §22.4): answers a 401/407 challenge with
 * an Authorization / Proxy-Authorization header. MD5 and SHA-256 (RFC 8760; also SHA-512-256),
 * {@code qop=auth} with a fresh cnonce and a nonce count kept per nonce (RFC 7616 §3.4), or the
 * RFC 2069 form without qop when the challenge offers none (or {@link #withoutQop()}).
 *
 * <p>For negative tests it can answer with a wrong password ({@link #withPassword}), a chosen
 * algorithm ({@link #preferring}) or a chosen, e.g. replayed, nonce count
 * ({@link #authorize(SipMessage, DigestChallenge, long)}).
 */
public final class DigestClient {
    private static final Map<String, String> JDK_NAMES = Map.of("MD5", "MD5", "SHA-256", "SHA-256",
            "SHA-512-256", "SHA-512/256");

    private final String username;
    private final String password;
    private final Optional<String> preferredAlgorithm;
    private final boolean useQop;
    private final Map<String, AtomicLong> nonceCounts = new ConcurrentHashMap<>();

    public DigestClient(String username, String password) {
        this(username, password, Optional.empty(), true);
    }

    private DigestClient(String username, String password, Optional<String> preferredAlgorithm, boolean useQop) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.preferredAlgorithm = preferredAlgorithm;
        this.useQop = useQop;
    }

    public String username() {
        return username;
    }

    /** The same user with another (e.g. wrong) password; nonce counts start afresh. */
    public DigestClient withPassword(String otherPassword) {
        return new DigestClient(username, otherPassword, preferredAlgorithm, useQop);
    }

    /** Answers only a challenge with this algorithm ({@code MD5}, {@code SHA-256}); default: the first supported one. */
    public DigestClient preferring(String algorithm) {
        return new DigestClient(username, password, Optional.of(algorithm.toUpperCase(Locale.ROOT)), useQop);
    }

    /** Answers in the RFC 2069 form (no qop, cnonce, nc) even when qop is offered. */
    public DigestClient withoutQop() {
        return new DigestClient(username, password, preferredAlgorithm, false);
    }

    /** The challenge in {@code response} this client answers: the preferred algorithm, else the first supported. */
    public DigestChallenge challengeIn(SipMessage response) {
        List<DigestChallenge> challenges = DigestChallenge.from(response);
        return challenges.stream()
                .filter(c -> preferredAlgorithm.map(p -> p.equals(c.algorithmName()))
                        .orElse(JDK_NAMES.containsKey(c.algorithmName())))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no usable Digest challenge"
                        + preferredAlgorithm.map(p -> " with " + p).orElse("") + " in " + response.startLine()
                        + ": " + challenges));
    }

    /** {@code request} again as a new transaction (next CSeq, new branch) answering the challenge in {@code challengeResponse}. */
    public SipMessage authorize(SipMessage request, SipMessage challengeResponse) {
        return authorize(request, challengeIn(challengeResponse));
    }

    /** {@code request} again, answering {@code challenge} with the next nonce count for its nonce. */
    public SipMessage authorize(SipMessage request, DigestChallenge challenge) {
        return authorize(request, challenge, nextCount(challenge.nonce()));
    }

    /** {@code request} again, answering {@code challenge} with nonce count {@code nc} (a replay if already used). */
    public SipMessage authorize(SipMessage request, DigestChallenge challenge, long nc) {
        String value = authorization(challenge, request.method(), request.requestUri(), nc, Tokens.hex(8));
        return request.withCSeq(request.cseq().number() + 1)
                .withTopViaBranch(Tokens.branch())
                .withHeader(challenge.answerHeader(), value);
    }

    /** The header value answering {@code challenge} for {@code method} and {@code uri}, with the next nonce count. */
    public String authorization(DigestChallenge challenge, String method, String uri) {
        return authorization(challenge, method, uri, nextCount(challenge.nonce()), Tokens.hex(8));
    }

    /** The header value with a given nonce count and cnonce (ignored in the RFC 2069 form). */
    public String authorization(DigestChallenge challenge, String method, String uri, long nc, String cnonce) {
        String algorithm = challenge.algorithmName();
        String ha1 = hash(algorithm, username + ":" + challenge.realm() + ":" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        boolean qop = useQop && challenge.qop().contains("auth");
        String ncText = String.format(Locale.ROOT, "%08x", nc);
        String response = qop
                ? hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + ncText + ":" + cnonce + ":auth:" + ha2)
                : hash(algorithm, ha1 + ":" + challenge.nonce() + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(challenge.realm())
                .append("\", nonce=\"").append(challenge.nonce())
                .append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        challenge.algorithm().ifPresent(a -> header.append(", algorithm=").append(a));
        if (qop) {
            header.append(", cnonce=\"").append(cnonce).append("\", qop=auth, nc=").append(ncText);
        }
        challenge.opaque().ifPresent(o -> header.append(", opaque=\"").append(o).append('"'));
        return header.toString();
    }

    /** The last nonce count used with {@code nonce} (0 if none). */
    public long lastCount(String nonce) {
        AtomicLong count = nonceCounts.get(nonce);
        return count == null ? 0 : count.get();
    }

    private long nextCount(String nonce) {
        return nonceCounts.computeIfAbsent(nonce, n -> new AtomicLong()).incrementAndGet();
    }

    /** Lower-case hex digest of {@code text} in UTF-8 with a Digest algorithm name. */
    public static String hash(String algorithm, String text) {
        String jdkName = JDK_NAMES.get(algorithm.toUpperCase(Locale.ROOT));
        if (jdkName == null) {
            throw new IllegalArgumentException("unsupported Digest algorithm '" + algorithm + "'");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jdkName, e);
        }
    }
}
