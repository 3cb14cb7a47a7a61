package io.sentral.routing;

import io.sentral.core.policy.LimitKind;
import java.time.Duration;
import java.util.Objects;

/** What {@link TrunkCapacity#admit} answers for one call (T7). */
public sealed interface Admission {

    /** The call holds a channel (and took a calls-per-second token) until it ends. */
    record Admitted() implements Admission {
    }

    /**
     * Over a limit: nothing was taken.
     *
     * @param limit      which limit
     * @param max        its value, for the reason phrase
     * @param retryAfter when the trunk may try again (the 503's Retry-After)
     */
    record OverLimit(LimitKind limit, int max, Duration retryAfter) implements Admission {
        public OverLimit {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * The Call-ID already holds a channel: a new INVITE reusing the Call-ID of a call in progress
     * (RFC 3261 §8.1.1.4 wants it unique). Admitting it would let two calls share, and one end
     * free, a single channel.
     */
    record DuplicateCallId() implements Admission {
    }
}
