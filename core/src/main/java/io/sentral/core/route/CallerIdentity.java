package io.sentral.core.route;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller's identity on the outgoing leg (T5, RFC 3325/3323): {@code fromUser} goes into From,
 * {@code asserted} into P-Asserted-Identity (the verified number, towards trusted networks), and
 * {@code privacy} makes From anonymous while the network still gets the asserted number.
 */
public record CallerIdentity(String fromUser, Optional<String> asserted, boolean privacy) {
    public CallerIdentity {
        Objects.requireNonNull(fromUser, "fromUser");
        Objects.requireNonNull(asserted, "asserted");
    }

    /** The caller as received, with nothing asserted (inbound calls, tests). */
    public static CallerIdentity plain(String fromUser) {
        return new CallerIdentity(fromUser, Optional.empty(), false);
    }
}
