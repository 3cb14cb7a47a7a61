package io.sentral.core.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A web account password as stored: PBKDF2-HMAC-SHA256 with a per-account random salt, encoded
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>} (S17). The iteration count
 * follows OWASP's 2023 advice for PBKDF2-SHA256; it is part of the encoding so it can be raised
 * later without invalidating stored hashes.
 */
public record PasswordHash(String encoded) {
    /** Iterations for new hashes. */
    public static final int ITERATIONS = 210_000;
    private static final String ALGORITHM = "pbkdf2-sha256";
    private static final Pattern FORM = Pattern.compile("pbkdf2-sha256\\$([0-9]{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        Matcher m = FORM.matcher(encoded);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new IllegalArgumentException("not a " + ALGORITHM + " password hash");
        }
    }

    /** Hashes {@code password} with a fresh random salt. Deliberately slow (about 0.1 s). */
    public static PasswordHash create(String password, SecureRandom random) {
        requirePassword(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return new PasswordHash(ALGORITHM + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, ITERATIONS)));
    }

    /** Whether {@code password} is the one this hash was made from (constant-time comparison). */
    public boolean verifies(String password) {
        requirePassword(password);
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalStateException("validated in the constructor");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(m.group(3));
        byte[] actual = derive(password, b64.decode(m.group(2)), Integer.parseInt(m.group(1)));
        return MessageDigest.isEqual(expected, actual);
    }

    private static void requirePassword(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Never prints the hash: it would allow offline guessing. */
    @Override
    public String toString() {
        return "PasswordHash[" + ALGORITHM + "]";
    }
}
