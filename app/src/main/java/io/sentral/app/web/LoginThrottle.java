package io.sentral.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing (S17): after {@code perAccount} failed logins for one account, or
 * {@code perSource} from one address, within {@code window}, further attempts for it are refused
 * (429) until the oldest failure leaves the window — whatever the password. A success clears the
 * account's failures. Per account stops a distributed guess at one password; per source stops one
 * machine trying many accounts.
 */
final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;

    private final int perAccount;
    private final int perSource;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int perAccount, int perSource, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perSource = perSource;
        this.window = window;
        this.clock = clock;
    }

    /** How long {@code account} from {@code source} must wait; empty if it may try now. */
    Optional<Duration> waitFor(String account, String source) {
        Instant now = clock.instant();
        return longest(wait("account:" + account, perAccount, now), wait("source:" + source, perSource, now));
    }

    void failed(String account, String source) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> recent(e.getValue(), now).isEmpty());
        }
        add("account:" + account, now);
        add("source:" + source, now);
    }

    void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            Deque<Instant> recent = recent(times, now);
            return recent.size() >= limit
                    ? Optional.of(Duration.between(now, recent.peekFirst().plus(window)))
                    : Optional.empty();
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            recent(times, now).addLast(now);
        }
    }

    /** Drops the failures older than the window; what remains. */
    private Deque<Instant> recent(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
        return times;
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(d -> d.compareTo(a.get()) > 0).or(() -> a);
    }
}
