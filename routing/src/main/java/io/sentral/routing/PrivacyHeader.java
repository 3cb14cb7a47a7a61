package io.sentral.routing;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Privacy header (RFC 3323 §4.2, RFC 3325 §7): {@code id}, {@code user} or
 * {@code header} ask that the caller's identity be withheld from the callee. {@code none},
 * {@code session} and {@code critical} alone do not. Values are separated by {@code ;} (and, if
 * several headers were joined, {@code ,}) and compared case-insensitively.
 */
final class PrivacyHeader {
    private static final Set<String> HIDING = Set.of("id", "user", "header");

    private PrivacyHeader() {
    }

    static boolean hidesIdentity(Optional<String> privacy) {
        return privacy.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split("[;,]")))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .anyMatch(HIDING::contains);
    }
}
