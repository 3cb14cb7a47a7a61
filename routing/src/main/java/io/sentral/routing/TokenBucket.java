package io.sentral.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * Calls-per-second limiter of one trunk (T7): holds up to {@code rate} tokens, refills
 * continuously at {@code rate} tokens per second, one token per call. Counts in billionths of a
 * token so that refill is exact integer arithmetic at any rate. The rate is passed on every use,
 * so a reload that changes it keeps the tokens (clipped to the new size). Time comes from the
 * caller; a clock that steps back refills nothing until it passes the last reading again.
 * Not thread-safe: {@link TrunkCapacity} guards it.
 */
final class TokenBucket {
    private static final long ONE = 1_000_000_000L;

    private long nanoTokens;
    private Instant last;

    TokenBucket(Instant now, int rate) {
        this.nanoTokens = rate * ONE;
        this.last = now;
    }

    boolean tryTake(Instant now, int rate) {
        long size = rate * ONE;
        if (now.isAfter(last)) {
            Duration elapsed = Duration.between(last, now);
            long refill = elapsed.getSeconds() >= 1 ? size : elapsed.toNanos() * rate;
            nanoTokens = Math.min(size, nanoTokens + refill);
            last = now;
        }
        nanoTokens = Math.min(size, nanoTokens);
        if (nanoTokens >= ONE) {
            nanoTokens -= ONE;
            return true;
        }
        return false;
    }
}
