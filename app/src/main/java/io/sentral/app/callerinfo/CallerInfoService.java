package io.sentral.app.callerinfo;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentral.config.CallerLookupSettings;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.callerinfo.CallerInfoLookup;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caller info (S11): who is calling a customer, by ordered rules — the customer's directory (a
 * colleague's direct number or mobile: "First Last, Department"), then the external
 * {@link CallerInfoLookup}, else unknown.
 *
 * <p>The answer always comes within the time budget ({@code node.callerLookup.timeout}), counted
 * from the call of {@link #lookup}: a lookup still running then answers unknown, and its late
 * answer still fills the cache for the next call. Lookup answers are cached per number (the same
 * for every customer) for {@code cacheTtl}; unknown numbers and failures for a tenth of it, so a
 * failing service is not asked on every call yet a number that becomes known shows up soon.
 * Concurrent lookups of one number share one request. Counted in
 * {@code sentral_caller_info_total{outcome=directory|lookup|unknown|over_budget}}.
 */
public final class CallerInfoService implements AutoCloseable {
    /** Unknown numbers and failed lookups are kept for this fraction of {@code cacheTtl}. */
    static final int MISS_TTL_DIVISOR = 10;

    private static final Logger LOG = LoggerFactory.getLogger(CallerInfoService.class);

    private enum Outcome {
        DIRECTORY, LOOKUP, UNKNOWN, OVER_BUDGET
    }

    private final Supplier<TenantSnapshot> tenants;
    private final long budgetNanos;
    private final Optional<CallerInfoLookup> lookup;
    private final AsyncCache<E164Number, CallerInfo> cache;
    private final Map<Outcome, Counter> answers = new EnumMap<>(Outcome.class);

    /**
     * @param lookup the external lookup; empty: the directory only. {@link #close()} closes it
     * @param ticker the cache's time source (tests drive it by hand)
     */
    public CallerInfoService(Supplier<TenantSnapshot> tenants, CallerLookupSettings settings,
                             Optional<CallerInfoLookup> lookup, Ticker ticker, MeterRegistry meters) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.budgetNanos = TimeUnit.NANOSECONDS.convert(settings.timeout());
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).ticker(ticker)
                .expireAfter(new HitsAndMisses(settings.cacheTtl())).buildAsync();
        for (Outcome outcome : Outcome.values()) {
            answers.put(outcome, Counter.builder("sentral_caller_info")
                    .description("Caller info answers (S11), by the rule that gave them")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
    }

    /** For the node: the HTTP lookup of {@code settings} (none without a URL) and the system ticker. */
    public static CallerInfoService create(Supplier<TenantSnapshot> tenants, CallerLookupSettings settings,
                                           MeterRegistry meters) {
        Optional<CallerInfoLookup> lookup = settings.url().map(url -> new HttpNumberLookup(settings, meters));
        return new CallerInfoService(tenants, settings, lookup, Ticker.systemTicker(), meters);
    }

    /** As {@link #create(Supplier, CallerLookupSettings, MeterRegistry)}, its metrics kept to itself. */
    public static CallerInfoService create(Supplier<TenantSnapshot> tenants, CallerLookupSettings settings) {
        return create(tenants, settings, new SimpleMeterRegistry());
    }

    /** Who {@code number} is for {@code tenant}'s users; completes within the time budget, never exceptionally. */
    public CompletableFuture<CallerInfo> lookup(TenantId tenant, E164Number number) {
        Optional<CallerInfo> colleague = directory(tenants.get(), tenant, number);
        if (colleague.isPresent()) {
            return CompletableFuture.completedFuture(counted(Outcome.DIRECTORY, colleague.get()));
        }
        if (lookup.isEmpty()) {
            return CompletableFuture.completedFuture(counted(Outcome.UNKNOWN, CallerInfo.unknown(number)));
        }
        CallerInfo overBudget = CallerInfo.unknown(number);
        // The budget starts before the cache is asked, so nothing the cache or lookup does can stretch it;
        // the cached future itself is never completed by the timeout and so keeps a late answer.
        CompletableFuture<CallerInfo> answer = new CompletableFuture<CallerInfo>()
                .completeOnTimeout(overBudget, budgetNanos, TimeUnit.NANOSECONDS);
        cache.get(number, this::ask).whenComplete((info, failure) ->
                answer.complete(info != null ? info : CallerInfo.unknown(number)));
        return answer.thenApply(info -> counted(info == overBudget ? Outcome.OVER_BUDGET
                : info.source() == CallerInfo.Source.LOOKUP ? Outcome.LOOKUP : Outcome.UNKNOWN, info));
    }

    private static Optional<CallerInfo> directory(TenantSnapshot snapshot, TenantId tenant, E164Number number) {
        return snapshot.users(tenant).stream()
                .filter(u -> u.directNumber().filter(number::equals).isPresent()
                        || u.mobile().filter(number::equals).isPresent())
                .findFirst()
                .map(u -> new CallerInfo(number, Optional.of(nameOf(u)), Optional.empty(),
                        CallerInfo.Source.DIRECTORY));
    }

    private static String nameOf(User user) {
        return user.department().isBlank() ? user.displayName() : user.displayName() + ", " + user.department();
    }

    /** Asked on the cache's executor, so that a lookup that blocks before returning cannot hold up the caller. */
    private CompletableFuture<CallerInfo> ask(E164Number number, Executor executor) {
        CallerInfoLookup source = lookup.orElseThrow();
        return CompletableFuture.supplyAsync(() -> source.lookup(number), executor)
                .thenCompose(found -> found)
                .handle((found, failure) -> {
                    if (failure != null) {
                        LOG.warn("caller lookup failed instead of answering empty", failure);
                    }
                    return found != null && found.isPresent() ? found.get() : CallerInfo.unknown(number);
                });
    }

    private CallerInfo counted(Outcome outcome, CallerInfo info) {
        answers.get(outcome).increment();
        return info;
    }

    /** Closes the lookup, if it holds anything (the HTTP lookup: its client and threads). */
    @Override
    public void close() {
        if (lookup.isPresent() && lookup.get() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("caller lookup did not close cleanly", e);
            }
        }
    }

    /** Answers for the whole TTL, unknown numbers for a tenth; measured from when the answer came. */
    private record HitsAndMisses(long hitNanos) implements Expiry<E164Number, CallerInfo> {
        HitsAndMisses(Duration ttl) {
            this(TimeUnit.NANOSECONDS.convert(ttl));
        }

        @Override
        public long expireAfterCreate(E164Number number, CallerInfo info, long now) {
            return info.source() == CallerInfo.Source.UNKNOWN ? hitNanos / MISS_TTL_DIVISOR : hitNanos;
        }

        @Override
        public long expireAfterUpdate(E164Number number, CallerInfo info, long now, long remaining) {
            return expireAfterCreate(number, info, now);
        }

        @Override
        public long expireAfterRead(E164Number number, CallerInfo info, long now, long remaining) {
            return remaining;
        }
    }
}
