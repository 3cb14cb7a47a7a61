package io.sentral.app.calendar;

import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceStore;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calendar sync (S6): every {@code interval}, reads the calendar feed of each user who has one
 * and makes the user's calendar absences exactly the feed's busy times from a day ago to 30 days
 * ahead ({@link AbsenceStore#replaceCalendar}); manual absences are never touched. A feed that
 * cannot be read or is not an iCalendar stream is logged as a WARN naming the user and the URL
 * (without query or user info, which may hold a secret) and the user keeps the absences of the
 * last good read. When a user's feed is removed, the user's calendar absences go too.
 *
 * <p>Users are read from the current tenant snapshot at each round, so provisioning changes
 * apply at the next round. Feeds are read one after another on the scheduler's thread, each
 * within the {@link FeedReader}'s timeout. Times without a zone count in the zone of the
 * customer's country.
 */
public final class CalendarSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarSync.class);
    /** Absences that ended up to a day ago still show ("was in a meeting until…"). */
    public static final Duration LOOK_BACK = Duration.ofDays(1);
    public static final Duration LOOK_AHEAD = Duration.ofDays(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<TenantSnapshot> tenants;
    private final AbsenceStore absences;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration interval;
    private final FeedReader reader;
    private final Set<UserId> failing = ConcurrentHashMap.newKeySet();
    private final Object round = new Object();
    private volatile boolean closed;
    private ScheduledFuture<?> schedule;

    /**
     * @param tenants   the current tenant snapshot (its users and their feeds)
     * @param scheduler runs the rounds; not shut down by {@link #close()}
     * @param interval  time from the end of one round to the start of the next
     * @param timeout   the longest one feed may take to arrive
     */
    public CalendarSync(Supplier<TenantSnapshot> tenants, AbsenceStore absences, ScheduledExecutorService scheduler,
                        Clock clock, Duration interval, Duration timeout) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.absences = Objects.requireNonNull(absences, "absences");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("calendar sync interval must be positive: " + interval);
        }
        this.reader = new FeedReader(timeout);
    }

    /** With a feed timeout of {@link #DEFAULT_TIMEOUT}. */
    public CalendarSync(Supplier<TenantSnapshot> tenants, AbsenceStore absences, ScheduledExecutorService scheduler,
                        Clock clock, Duration interval) {
        this(tenants, absences, scheduler, clock, interval, DEFAULT_TIMEOUT);
    }

    /** Runs a round now and then every interval after the previous one ended. */
    public synchronized CalendarSync start() {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::syncAllLogged, 0, interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One round over every user, on the calling thread; rounds never overlap. */
    public void syncAll() {
        synchronized (round) {
            TenantSnapshot snapshot = tenants.get();
            Instant now = clock.instant();
            for (Customer customer : snapshot.customers()) {
                ZoneId zone = customer.country().zone();
                for (User user : snapshot.users(customer.id())) {
                    if (closed) {
                        return;
                    }
                    user.calendarFeed().ifPresentOrElse(feed -> sync(user.id(), feed, zone, now),
                            () -> forgetCalendar(user.id()));
                }
            }
        }
    }

    /** A user without a feed (any more) has no calendar absences. */
    private void forgetCalendar(UserId user) {
        try {
            if (absences.absencesOf(user).stream().anyMatch(a -> a.source() == Absence.Source.CALENDAR)) {
                absences.replaceCalendar(user, List.of());
            }
        } catch (RuntimeException e) {
            LOG.warn("calendar absences of user {} not removed", user, e);
        }
    }

    private void sync(UserId user, URI feed, ZoneId zone, Instant now) {
        try {
            ParsedFeed parsed = new ICalendarParser(zone).parse(reader.read(feed), user, now.minus(LOOK_BACK),
                    now.plus(LOOK_AHEAD));
            switch (parsed) {
                case ParsedFeed.Absences found -> {
                    absences.replaceCalendar(user, found.absences());
                    if (failing.remove(user)) {
                        LOG.info("calendar feed of user {} at {} is read again", user, shown(feed));
                    }
                    LOG.debug("calendar feed of user {}: {} absence(s)", user, found.absences().size());
                }
                case ParsedFeed.Malformed malformed -> failed(user, feed, "not an iCalendar feed: " + malformed.problem());
            }
        } catch (IOException e) {
            failed(user, feed, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException e) {
            failed(user, feed, e.toString());
        }
    }

    private void failed(UserId user, URI feed, String problem) {
        if (closed) {
            return;
        }
        failing.add(user);
        LOG.warn("calendar feed of user {} at {} not synced, previous absences kept: {}", user, shown(feed), problem);
    }

    private void syncAllLogged() {
        try {
            syncAll();
        } catch (RuntimeException e) {
            LOG.warn("calendar sync round failed", e);
        }
    }

    /** The feed without user info and query, which may hold a password or an access key. */
    static String shown(URI feed) {
        return feed.getScheme() + "://" + (feed.getHost() == null ? "" : feed.getHost())
                + (feed.getPort() < 0 ? "" : ":" + feed.getPort()) + Objects.requireNonNullElse(feed.getRawPath(), "");
    }

    /** Stops the rounds: a round under way stops at its next user, a feed being read is abandoned. */
    @Override
    public synchronized void close() {
        closed = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
        reader.close();
    }
}
