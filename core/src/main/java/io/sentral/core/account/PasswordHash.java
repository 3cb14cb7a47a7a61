package io.sentral.core.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A web account password as stored (S17): Argon2id with a per-account random salt, in the PHC
 * string format the reference {@code argon2} tool prints,
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (unpadded base64). New hashes
 * take OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. The parameters travel in the
 * encoding, so they can be raised later; {@link #outdated()} tells which stored hashes to replace.
 *
 * <p>Hashes of the earlier PBKDF2-HMAC-SHA256 form ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>})
 * still verify, so stored accounts keep working; they are outdated and replaced when the password
 * is next provisioned.
 */
public record PasswordHash(String encoded) {
    /** New hashes: memory in KiB, passes and lanes. */
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int PASSES = 2;
    public static final int LANES = 1;
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,7}),t=([0-9]{1,3}),p=([0-9]{1,2})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");
    private static final Pattern PBKDF2 = Pattern.compile(
            "pbkdf2-sha256\\$([0-9]{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        Matcher argon = ARGON2ID.matcher(encoded);
        Matcher pbkdf2 = PBKDF2.matcher(encoded);
        boolean valid = argon.matches()
                ? Integer.parseInt(argon.group(1)) >= 8 * Integer.parseInt(argon.group(3))
                        && Integer.parseInt(argon.group(2)) >= 1 && Integer.parseInt(argon.group(3)) >= 1
                : pbkdf2.matches() && Integer.parseInt(pbkdf2.group(1)) >= 1;
        if (!valid) {
            throw new IllegalArgumentException("not an argon2id password hash");
        }
    }

    /** Hashes {@code password} with a fresh random salt. Deliberately slow and memory-hard. */
    public static PasswordHash create(String password, SecureRandom random) {
        requirePassword(password);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$"
                + b64.encodeToString(salt) + "$"
                + b64.encodeToString(argon2id(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES)));
    }

    /** Whether {@code password} is the one this hash was made from (constant-time comparison). */
    public boolean verifies(String password) {
        requirePassword(password);
        Base64.Decoder b64 = Base64.getDecoder();
        Matcher argon = ARGON2ID.matcher(encoded);
        if (argon.matches()) {
            byte[] expected = b64.decode(argon.group(5));
            return MessageDigest.isEqual(expected, argon2id(password, b64.decode(argon.group(4)),
                    Integer.parseInt(argon.group(1)), Integer.parseInt(argon.group(2)),
                    Integer.parseInt(argon.group(3)), expected.length));
        }
        Matcher pbkdf2 = PBKDF2.matcher(encoded);
        if (!pbkdf2.matches()) {
            throw new IllegalStateException("validated in the constructor");
        }
        return MessageDigest.isEqual(b64.decode(pbkdf2.group(3)),
                pbkdf2(password, b64.decode(pbkdf2.group(2)), Integer.parseInt(pbkdf2.group(1))));
    }

    /** Whether this hash is weaker than new ones (the old PBKDF2 form, or lower Argon2id costs). */
    public boolean outdated() {
        Matcher argon = ARGON2ID.matcher(encoded);
        return !argon.matches() || Integer.parseInt(argon.group(1)) < MEMORY_KIB
                || Integer.parseInt(argon.group(2)) < PASSES;
    }

    private static void requirePassword(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password is empty");
        }
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(passes)
                .withParallelism(lanes).withSalt(salt).build());
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] hash = new byte[length];
        try {
            generator.generateBytes(secret, hash);
            return hash;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
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
        return "PasswordHash[" + (ARGON2ID.matcher(encoded).matches() ? "argon2id" : "pbkdf2-sha256") + "]";
    }
}
