package io.sentral.sip.auth;

import io.sentral.core.tenant.DigestCredentials;
import java.util.Locale;
import java.util.Optional;

/** Digest hash algorithms accepted by Sentral (RFC 3261 §22.4 MD5, RFC 8760 SHA-256). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jdkName;

    DigestAlgorithm(String token, String jdkName) {
        this.token = token;
        this.jdkName = jdkName;
    }

    /** The name on the wire ({@code algorithm=} parameter). */
    public String token() {
        return token;
    }

    public String hash(String text) {
        return DigestCredentials.hex(jdkName, text);
    }

    /** The stored HA1 of {@code credentials} for this algorithm. */
    public String ha1(DigestCredentials credentials) {
        return this == MD5 ? credentials.ha1Md5() : credentials.ha1Sha256();
    }

    /** Parses the {@code algorithm=} parameter; absent means MD5 (RFC 2617 §3.2.1). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(MD5);
        }
        String t = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
