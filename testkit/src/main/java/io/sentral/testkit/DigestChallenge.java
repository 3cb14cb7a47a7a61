package io.sentral.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Digest challenge from a {@code WWW-Authenticate} (401) or {@code Proxy-Authenticate} (407)
 * header (RFC 3261 §22.4, RFC 7616 §3.3, RFC 8760).
 *
 * @param proxy     from Proxy-Authenticate: answer with Proxy-Authorization
 * @param algorithm as written; absent means MD5
 * @param qop       the offered qop options (empty: RFC 2069 form)
 */
public record DigestChallenge(boolean proxy, String realm, String nonce, Optional<String> opaque,
                              Optional<String> algorithm, List<String> qop, boolean stale) {
    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(algorithm, "algorithm");
        qop = List.copyOf(qop);
    }

    /** Parses {@code Digest realm="…", nonce="…", …}. */
    public static DigestChallenge parse(String headerValue, boolean proxy) {
        String text = Objects.requireNonNull(headerValue, "headerValue").trim();
        if (!text.regionMatches(true, 0, "Digest ", 0, 7)) {
            throw new IllegalArgumentException("not a Digest challenge: '" + headerValue + "'");
        }
        Map<String, String> params = authParams(text.substring(7));
        String realm = params.get("realm");
        String nonce = params.get("nonce");
        if (realm == null || nonce == null) {
            throw new IllegalArgumentException("Digest challenge without realm or nonce: '" + headerValue + "'");
        }
        List<String> qop = new ArrayList<>();
        Optional.ofNullable(params.get("qop")).ifPresent(q -> {
            for (String option : q.split(",")) {
                if (!option.isBlank()) {
                    qop.add(option.trim().toLowerCase(Locale.ROOT));
                }
            }
        });
        return new DigestChallenge(proxy, realm, nonce, Optional.ofNullable(params.get("opaque")),
                Optional.ofNullable(params.get("algorithm")), qop, "true".equalsIgnoreCase(params.get("stale")));
    }

    /** Every Digest challenge of a 401/407, in header order (the server's preference, RFC 8760 §2.4). */
    public static List<DigestChallenge> from(SipMessage response) {
        List<DigestChallenge> challenges = new ArrayList<>();
        response.headers("WWW-Authenticate").stream().filter(DigestChallenge::isDigest)
                .forEach(v -> challenges.add(parse(v, false)));
        response.headers("Proxy-Authenticate").stream().filter(DigestChallenge::isDigest)
                .forEach(v -> challenges.add(parse(v, true)));
        return challenges;
    }

    private static boolean isDigest(String value) {
        return value.trim().regionMatches(true, 0, "Digest ", 0, 7);
    }

    /** The algorithm name in upper case; MD5 when the challenge names none (RFC 7616 §3.3). */
    public String algorithmName() {
        return algorithm.orElse("MD5").toUpperCase(Locale.ROOT);
    }

    /** The header that answers this challenge. */
    public String answerHeader() {
        return proxy ? "Proxy-Authorization" : "Authorization";
    }

    /** Comma-separated {@code name=value} or {@code name="quoted"} pairs; names lower-cased. */
    static Map<String, String> authParams(String text) {
        Map<String, String> params = new HashMap<>();
        for (String part : HeaderNames.splitList(text)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            params.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
        }
        return params;
    }
}
