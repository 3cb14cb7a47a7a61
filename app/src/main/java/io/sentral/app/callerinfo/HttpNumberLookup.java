package io.sentral.app.callerinfo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentral.config.CallerLookupSettings;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.callerinfo.CallerInfoLookup;
import io.sentral.core.number.E164Number;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external number lookup of caller info (S11) over HTTP: {@code GET} on
 * {@code node.callerLookup.url} with the caller's number filled in; {@code 200} with a JSON object
 * {@code {"name": …, "address": …}} (both optional) is an answer, {@code 404} or an object with
 * neither an unknown number, anything else a failure. Failures answer empty like unknown numbers.
 *
 * <p>Sits behind {@link CallerInfoService}, which bounds the caller's wait by the time budget and
 * caches. This class lets a request run for {@value #LATE_ANSWER_BUDGETS} budgets, so that a slow
 * answer still reaches the cache while a hung service cannot hold requests open for ever. Counted
 * in {@code sentral_caller_lookup_requests_total{outcome=found|not_found|failed|timeout}}; neither
 * metric labels nor warnings carry the number.
 */
public final class HttpNumberLookup implements CallerInfoLookup, AutoCloseable {
    /** How many time budgets a request may take before it is abandoned. */
    static final int LATE_ANSWER_BUDGETS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(HttpNumberLookup.class);
    /** Thread-safe once configured, and never configured here. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Outcome {
        FOUND, NOT_FOUND, FAILED, TIMEOUT
    }

    private final CallerLookupSettings settings;
    private final Duration requestTimeout;
    private final ExecutorService executor;
    private final HttpClient http;
    private final Map<Outcome, Counter> requests = new EnumMap<>(Outcome.class);

    /** Requests get {@value #LATE_ANSWER_BUDGETS} times {@code settings.timeout()}. */
    public HttpNumberLookup(CallerLookupSettings settings, MeterRegistry meters) {
        this(settings, settings.timeout().multipliedBy(LATE_ANSWER_BUDGETS), meters);
    }

    HttpNumberLookup(CallerLookupSettings settings, Duration requestTimeout, MeterRegistry meters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (settings.url().isEmpty()) {
            throw new IllegalArgumentException("no number lookup URL configured (node.callerLookup.url)");
        }
        // Its own two daemon threads: lookups never compete with call handling, nor keep the JVM alive.
        this.executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("caller-lookup-", 0).daemon()
                .factory());
        this.http = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        for (Outcome outcome : Outcome.values()) {
            requests.put(outcome, Counter.builder("sentral_caller_lookup_requests")
                    .description("Requests to the external number lookup (S11), by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    @Override
    public CompletableFuture<Optional<CallerInfo>> lookup(E164Number number) {
        URI url = settings.urlFor(number).orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Accept", "application/json").header("User-Agent", "Sentral caller info").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null ? answer(number, response) : failed(failure));
    }

    private Optional<CallerInfo> answer(E164Number number, HttpResponse<String> response) {
        return switch (response.statusCode()) {
            case 200 -> parse(number, response.body());
            case 404 -> notFound(number);
            default -> {
                LOG.warn("number lookup answered HTTP {}", response.statusCode());
                yield counted(Outcome.FAILED, Optional.empty());
            }
        };
    }

    private Optional<CallerInfo> parse(E164Number number, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            LOG.warn("number lookup answered something that is not JSON: {}", e.getOriginalMessage());
            return counted(Outcome.FAILED, Optional.empty());
        }
        if (json == null || !json.isObject()) {
            LOG.warn("number lookup answered JSON that is not an object");
            return counted(Outcome.FAILED, Optional.empty());
        }
        Optional<String> name = text(json, "name");
        Optional<String> address = text(json, "address");
        if (name.isEmpty() && address.isEmpty()) {
            return notFound(number);
        }
        return counted(Outcome.FOUND, Optional.of(new CallerInfo(number, name, address, CallerInfo.Source.LOOKUP)));
    }

    private Optional<CallerInfo> notFound(E164Number number) {
        LOG.debug("number lookup does not know {}", number);
        return counted(Outcome.NOT_FOUND, Optional.empty());
    }

    private Optional<CallerInfo> failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            LOG.warn("number lookup gave no answer within {} ms", requestTimeout.toMillis());
            return counted(Outcome.TIMEOUT, Optional.empty());
        }
        LOG.warn("number lookup failed: {}", cause.toString());
        return counted(Outcome.FAILED, Optional.empty());
    }

    private Optional<CallerInfo> counted(Outcome outcome, Optional<CallerInfo> answer) {
        requests.get(outcome).increment();
        return answer;
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() && !value.textValue().isBlank()
                ? Optional.of(value.textValue().strip()) : Optional.empty();
    }

    /** Abandons requests still running; their callers have long had "unknown". */
    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
