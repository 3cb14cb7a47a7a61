package io.sentral.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The external number lookup behind caller info (S11, {@code node.callerLookup}): a URL template
 * with {@code {number}} (E.164, URL-encoded), answered with {@code {"name": …, "address": …}}; the
 * time budget a lookup may take before the caller is shown as unknown; how long answers are
 * cached and how many.
 */
public record CallerLookupSettings(Optional<String> url, Duration timeout, Duration cacheTtl, int cacheSize) {
    public CallerLookupSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        url.ifPresent(u -> {
            if (!u.contains("{number}") || !(u.startsWith("http://") || u.startsWith("https://"))) {
                throw new IllegalArgumentException("not an http(s) URL with {number}: '" + u + "'");
            }
        });
        if (timeout.isZero() || timeout.isNegative() || cacheTtl.isNegative() || cacheSize < 0) {
            throw new IllegalArgumentException("timeout must be positive, cacheTtl and cacheSize not negative");
        }
    }

    /** Directory only; 300 ms budget, answers cached an hour, 10 000 of them. */
    public static CallerLookupSettings defaults() {
        return new CallerLookupSettings(Optional.empty(), Duration.ofMillis(300), Duration.ofHours(1), 10_000);
    }

    public CallerLookupSettings withUrl(String template) {
        return new CallerLookupSettings(Optional.of(template), timeout, cacheTtl, cacheSize);
    }
}
