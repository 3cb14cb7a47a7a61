package io.sentral.app.callerinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.sentral.config.CallerLookupSettings;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caller info (S11): the customer's directory first (a colleague's direct number or mobile), then
 * the external number lookup, cached (hits for {@code cacheTtl}, unknown numbers for a tenth of
 * it). The answer always comes within the time budget: a lookup still running then is shown as
 * unknown, and its late answer still fills the cache for the next call. Concurrent lookups of one
 * number share one request.
 */
public final class CallerInfoService {
    private static final Logger LOG = LoggerFactory.getLogger(CallerInfoService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<TenantSnapshot> tenants;
    private final CallerLookupSettings settings;
    private final HttpClient http;
    private final AsyncCache<E164Number, CallerInfo> cache;

    public CallerInfoService(Supplier<TenantSnapshot> tenants, CallerLookupSettings settings, HttpClient http,
                             Ticker ticker) {
        this.tenants = tenants;
        this.settings = settings;
        this.http = http;
        long hitNanos = settings.cacheTtl().toNanos();
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).ticker(ticker)
                .expireAfter(new Expiry<E164Number, CallerInfo>() {
                    @Override
                    public long expireAfterCreate(E164Number key, CallerInfo value, long now) {
                        return value.source() == CallerInfo.Source.UNKNOWN ? hitNanos / 10 : hitNanos;
                    }

                    @Override
                    public long expireAfterUpdate(E164Number key, CallerInfo value, long now, long current) {
                        return expireAfterCreate(key, value, now);
                    }

                    @Override
                    public long expireAfterRead(E164Number key, CallerInfo value, long now, long current) {
                        return current;
                    }
                }).buildAsync();
    }

    /** With the system clock and a fresh HTTP client. */
    public static CallerInfoService create(Supplier<TenantSnapshot> tenants, CallerLookupSettings settings) {
        return new CallerInfoService(tenants, settings, HttpClient.newBuilder()
                .connectTimeout(settings.timeout()).build(), Ticker.systemTicker());
    }

    /** Who {@code number} is for {@code tenant}; completes within the time budget. */
    public CompletableFuture<CallerInfo> lookup(TenantId tenant, E164Number number) {
        Optional<CallerInfo> colleague = tenants.get().users(tenant).stream()
                .filter(u -> u.directNumber().equals(Optional.of(number)) || u.mobile().equals(Optional.of(number)))
                .findFirst().map(u -> fromDirectory(u, number));
        if (colleague.isPresent()) {
            return CompletableFuture.completedFuture(colleague.get());
        }
        if (settings.url().isEmpty()) {
            return CompletableFuture.completedFuture(CallerInfo.unknown(number));
        }
        return cache.get(number, (key, executor) -> ask(key))
                .copy().completeOnTimeout(CallerInfo.unknown(number), settings.timeout().toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private static CallerInfo fromDirectory(User user, E164Number number) {
        String name = (user.firstName() + " " + user.lastName()).trim();
        return new CallerInfo(number, Optional.of(user.department().isBlank() ? name
                : name + ", " + user.department()), Optional.empty(), CallerInfo.Source.DIRECTORY);
    }

    private CompletableFuture<CallerInfo> ask(E164Number number) {
        String url = settings.url().orElseThrow().replace("{number}",
                URLEncoder.encode(number.value(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                if (response.statusCode() != 404) {
                    LOG.warn("number lookup answered {}", response.statusCode());
                }
                return CallerInfo.unknown(number);
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                Optional<String> name = text(body, "name");
                Optional<String> address = text(body, "address");
                return name.isEmpty() && address.isEmpty() ? CallerInfo.unknown(number)
                        : new CallerInfo(number, name, address, CallerInfo.Source.LOOKUP);
            } catch (java.io.IOException e) {
                LOG.warn("number lookup answered something that is not JSON: {}", e.getMessage());
                return CallerInfo.unknown(number);
            }
        }).exceptionally(e -> {
            LOG.warn("number lookup failed: {}", e.toString());
            return CallerInfo.unknown(number);
        });
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().trim())
                : Optional.empty();
    }
}
