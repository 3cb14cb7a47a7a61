package io.sentral.sip.auth;

import io.sentral.core.tenant.DigestCredentials;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * SIP digest authentication, server side (RFC 3261 §22.4, RFC 8760): builds challenges and
 * checks responses against stored HA1 hashes. Knows nothing of SIP messages: handlers extract a
 * {@link DigestResponse} and turn the {@link DigestVerdict} into a response.
 */
public final class DigestAuthenticator {
    private final String realm;
    private final List<DigestAlgorithm> algorithms;
    private final NonceService nonces;

    /**
     * @param algorithms offered in this order of preference (one challenge header each)
     */
    public DigestAuthenticator(String realm, List<DigestAlgorithm> algorithms, NonceService nonces) {
        this.realm = realm;
        this.algorithms = List.copyOf(algorithms);
        this.nonces = nonces;
    }

    public String realm() {
        return realm;
    }

    /** Challenge header values ({@code Digest realm=..., nonce=...}), one per offered algorithm. */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.issue();
        return algorithms.stream()
                .map(a -> "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + a.token()
                        + ", qop=\"auth\"" + (stale ? ", stale=true" : ""))
                .toList();
    }

    /**
     * Checks {@code answer} for a request with {@code method}.
     *
     * @param credentialsOf looks up the stored credentials of a username
     */
    public DigestVerdict verify(String method, DigestResponse answer,
                                Function<String, Optional<DigestCredentials>> credentialsOf) {
        Optional<String> missing = firstMissing(answer);
        if (missing.isPresent()) {
            return new DigestVerdict.Malformed("Authorization lacks the " + missing.get() + " parameter");
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(answer.algorithm().orElse(null));
        if (algorithm.isEmpty() || !algorithms.contains(algorithm.get())) {
            return new DigestVerdict.Malformed("unsupported digest algorithm '" + answer.algorithm().orElse("") + "'");
        }
        String qop = answer.qop().orElse("");
        if (!qop.isEmpty() && !qop.equalsIgnoreCase("auth")) {
            return new DigestVerdict.Malformed("unsupported qop '" + qop + "'");
        }
        long nc = 0;
        if (!qop.isEmpty()) {
            if (answer.cnonce().isEmpty() || answer.nonceCount().isEmpty()) {
                return new DigestVerdict.Malformed("qop=auth needs cnonce and nc");
            }
            try {
                nc = Long.parseLong(answer.nonceCount().get(), 16);
            } catch (NumberFormatException e) {
                return new DigestVerdict.Malformed("nc is not hexadecimal: '" + answer.nonceCount().get() + "'");
            }
        }
        String username = answer.username().orElseThrow();
        if (!realm.equals(answer.realm().orElseThrow())) {
            return new DigestVerdict.Rejected("realm '" + answer.realm().get() + "' is not " + realm);
        }
        Optional<Instant> issued = nonces.issuedAt(answer.nonce().orElseThrow());
        if (issued.isEmpty()) {
            return new DigestVerdict.UnknownNonce();
        }
        Optional<DigestCredentials> credentials = credentialsOf.apply(username);
        if (credentials.isEmpty()) {
            return new DigestVerdict.Rejected("unknown user '" + username + "'");
        }
        if (!matches(method, answer, algorithm.get(), credentials.get())) {
            return new DigestVerdict.Rejected("wrong password for '" + username + "'");
        }
        if (nonces.expired(issued.get())) {
            return new DigestVerdict.Stale();
        }
        if (!nonces.acceptCount(answer.nonce().get(), issued.get(), nc)) {
            return new DigestVerdict.Rejected("nonce count " + answer.nonceCount().orElse("") + " replayed by '"
                    + username + "'");
        }
        return new DigestVerdict.Accepted(username);
    }

    private static boolean matches(String method, DigestResponse answer, DigestAlgorithm algorithm,
                                   DigestCredentials credentials) {
        String ha1 = algorithm.ha1(credentials);
        String ha2 = algorithm.hash(method + ":" + answer.uri().orElseThrow());
        String nonce = answer.nonce().orElseThrow();
        String expected = answer.qop().isPresent()
                ? algorithm.hash(ha1 + ":" + nonce + ":" + answer.nonceCount().get() + ":" + answer.cnonce().get()
                        + ":" + answer.qop().get().toLowerCase(java.util.Locale.ROOT) + ":" + ha2)
                : algorithm.hash(ha1 + ":" + nonce + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                answer.response().orElseThrow().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> firstMissing(DigestResponse a) {
        if (a.username().isEmpty()) {
            return Optional.of("username");
        }
        if (a.realm().isEmpty()) {
            return Optional.of("realm");
        }
        if (a.nonce().isEmpty()) {
            return Optional.of("nonce");
        }
        if (a.uri().isEmpty()) {
            return Optional.of("uri");
        }
        if (a.response().isEmpty()) {
            return Optional.of("response");
        }
        return Optional.empty();
    }
}
