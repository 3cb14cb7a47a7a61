package io.sentral.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SIP digest secret kept as HA1 hashes ({@code H(username:realm:password)}), one per
 * algorithm (RFC 3261 §22.4, RFC 8760), so that the password itself is never stored.
 */
public record DigestCredentials(String username, String realm, String ha1Md5, String ha1Sha256) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
        if (username.isBlank()) {
            throw new IllegalArgumentException("digest username is empty");
        }
    }

    public static DigestCredentials fromPassword(String username, String realm, String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password for '" + username + "' is empty");
        }
        String a1 = username + ":" + realm + ":" + password;
        return new DigestCredentials(username, realm, hex("MD5", a1), hex("SHA-256", a1));
    }

    /** Hex digest of {@code text} in UTF-8 with a JDK algorithm name ({@code MD5}, {@code SHA-256}). */
    public static String hex(String jdkAlgorithm, String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(jdkAlgorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jdkAlgorithm, e);
        }
    }

    @Override
    public String toString() {
        return "DigestCredentials[" + username + "@" + realm + "]";
    }
}
