package io.sentral.config;

import io.sentral.core.number.E164Number;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The external number lookup behind caller info (S11, {@code node.callerLookup}).
 *
 * @param url       an http(s) URL template with {@code {number}}, replaced by the caller's E.164
 *                  number, URL-encoded ({@code +} as {@code %2B}); empty: the directory only
 * @param timeout   the time budget: a lookup that has not answered by then shows the caller as
 *                  unknown
 * @param cacheTtl  how long an answer is kept; an unknown number is kept for a tenth of it
 * @param cacheSize how many answers are kept
 */
public record CallerLookupSettings(Optional<String> url, Duration timeout, Duration cacheTtl, int cacheSize) {
    private static final String PLACEHOLDER = "{number}";
    /** Stands in for a caller when a template is checked. */
    private static final E164Number SAMPLE = E164Number.of("+4722120000");

    public CallerLookupSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        url.ifPresent(CallerLookupSettings::template);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be longer than 0, not " + timeout);
        }
        if (cacheTtl.isNegative() || cacheSize < 0) {
            throw new IllegalArgumentException("cacheTtl and cacheSize must not be negative");
        }
    }

    /** Directory only; 300 ms budget, answers cached an hour, 10 000 of them. */
    public static CallerLookupSettings defaults() {
        return new CallerLookupSettings(Optional.empty(), Duration.ofMillis(300), Duration.ofHours(1), 10_000);
    }

    public CallerLookupSettings withUrl(String template) {
        return new CallerLookupSettings(Optional.of(template), timeout, cacheTtl, cacheSize);
    }

    /**
     * Checks a URL template: an absolute http(s) URL naming a host, with {@code {number}} where the
     * number goes. Checked expanded, because the braces themselves are not allowed in a URI.
     */
    public static String template(String text) {
        if (!text.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the URL has no {number}, e.g. https://lookup.example/numbers/{number}:"
                    + " '" + text + "'");
        }
        URI sample;
        try {
            sample = URI.create(expand(text, SAMPLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + text + "'");
        }
        String scheme = Objects.requireNonNullElse(sample.getScheme(), "").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http or https URL: '" + text + "'");
        }
        if (sample.getHost() == null || sample.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL names no host: '" + text + "'");
        }
        return text;
    }

    /** The lookup URL for {@code number}; empty without a lookup. */
    public Optional<URI> urlFor(E164Number number) {
        return url.map(template -> URI.create(expand(template, number)));
    }

    private static String expand(String template, E164Number number) {
        return template.replace(PLACEHOLDER, URLEncoder.encode(number.value(), StandardCharsets.UTF_8));
    }
}
