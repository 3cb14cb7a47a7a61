package io.sentral.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces. A nonce is self-validating: issue time, random bytes and an
 * HMAC over both with a per-process key, so no state is kept per challenge. Nonce counts seen are
 * tracked per nonce until it expires, so a request cannot be replayed with an old {@code nc}
 * (RFC 7616 §3.3).
 */
public final class NonceService {
    private static final int MAC_BYTES = 16;
    private static final int MAX_TRACKED = 200_000;

    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final Map<String, Seen> counts = new ConcurrentHashMap<>();

    private record Seen(long nc, Instant issuedAt) {
    }

    public NonceService(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String issue() {
        ByteBuffer body = ByteBuffer.allocate(8 + 12);
        body.putLong(clock.millis());
        byte[] salt = new byte[12];
        random.nextBytes(salt);
        body.put(salt);
        byte[] plain = body.array();
        ByteBuffer nonce = ByteBuffer.allocate(plain.length + MAC_BYTES);
        nonce.put(plain).put(mac(plain), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** When the nonce was issued, if we issued it. */
    public Optional<Instant> issuedAt(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 20 + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] plain = java.util.Arrays.copyOf(raw, 20);
        byte[] expected = java.util.Arrays.copyOf(mac(plain), MAC_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(raw, 20, raw.length);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(ByteBuffer.wrap(plain).getLong()));
    }

    public boolean expired(Instant issuedAt) {
        return clock.instant().isAfter(issuedAt.plus(ttl));
    }

    /**
     * Records use of {@code nc} with {@code nonce}; false if a count as high was already used
     * (a replay). Without qop there is no count: pass 0 and reuse of the nonce is allowed.
     */
    public boolean acceptCount(String nonce, Instant issuedAt, long nc) {
        if (nc == 0) {
            return true;
        }
        if (counts.size() > MAX_TRACKED) {
            purgeExpired();
        }
        boolean[] fresh = {false};
        counts.compute(nonce, (n, seen) -> {
            if (seen == null || nc > seen.nc) {
                fresh[0] = true;
                return new Seen(nc, issuedAt);
            }
            return seen;
        });
        return fresh[0];
    }

    /** Forgets counts of expired nonces. */
    public void purgeExpired() {
        counts.values().removeIf(seen -> expired(seen.issuedAt));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
