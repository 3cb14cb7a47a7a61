package io.sentral.testkit;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh random identifiers: Via branches (RFC 3261 §8.1.1.7 magic cookie), tags, Call-IDs, cnonces. */
public final class Tokens {
    /** Every RFC 3261 branch starts with this cookie. */
    public static final String BRANCH_COOKIE = "z9hG4bK";

    private Tokens() {
    }

    public static String branch() {
        return BRANCH_COOKIE + hex(8);
    }

    public static String tag() {
        return hex(6);
    }

    public static String callId(String host) {
        return hex(10) + "@" + host;
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
