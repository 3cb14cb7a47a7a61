package io.sentral.sip.security;

import io.sentral.config.BlockingSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks a source address that keeps failing authentication (N1 "blocked sources"; what
 * fail2ban or Kamailio's pike/htable do): after {@code failures} wrong passwords within
 * {@code window}, the address's requests are dropped unanswered for {@code blockFor}, so a
 * password scanner learns nothing more. Never blocked: trusted addresses (gateways, IP trunks);
 * and the edge lets emergency calls through even from a blocked address. A phone with a stale
 * password retries about once a minute and stays far below the threshold.
 *
 * <p>Thread-safe; memory is bounded: when too many addresses are being watched, the ones whose
 * failures have aged out are forgotten first.
 */
public final class SourceBlocker {
    private static final Logger LOG = LoggerFactory.getLogger(SourceBlocker.class);
    private static final int MAX_WATCHED = 100_000;

    private final BlockingSettings settings;
    private final Clock clock;
    private final Predicate<String> trusted;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();

    public SourceBlocker(BlockingSettings settings, Clock clock, Predicate<String> trusted) {
        this.settings = settings;
        this.clock = clock;
        this.trusted = trusted;
    }

    /** A request from {@code ip} failed authentication; true if that made the address blocked. */
    public boolean authenticationFailed(String ip) {
        if (!settings.enabled() || trusted.test(ip)) {
            return false;
        }
        Instant now = clock.instant();
        if (failures.size() >= MAX_WATCHED) {
            forgetAged(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(ip, k -> new ArrayDeque<>());
        boolean block;
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(settings.window()))) {
                recent.removeFirst();
            }
            block = recent.size() >= settings.failures();
            if (block) {
                recent.clear();
            }
        }
        if (block) {
            blockedUntil.put(ip, now.plus(settings.blockFor()));
            LOG.warn("blocking {} for {}s after {} authentication failures within {}s", ip,
                    settings.blockFor().toSeconds(), settings.failures(), settings.window().toSeconds());
        }
        return block;
    }

    /** Whether requests from {@code ip} are to be dropped now. */
    public boolean blocks(String ip) {
        Instant until = blockedUntil.get(ip);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            blockedUntil.remove(ip, until);
            LOG.info("{} is no longer blocked", ip);
            return false;
        }
        return true;
    }

    /** A request from a blocked address was dropped. */
    public void dropped() {
        dropped.incrementAndGet();
    }

    /** Addresses blocked now. */
    public int blockedSources() {
        Instant now = clock.instant();
        blockedUntil.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
        return blockedUntil.size();
    }

    /** Requests dropped because their source was blocked. */
    public long droppedRequests() {
        return dropped.get();
    }

    private void forgetAged(Instant now) {
        Instant horizon = now.minus(settings.window());
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(horizon);
            }
        });
        if (failures.size() >= MAX_WATCHED) {
            failures.clear();
        }
    }
}
