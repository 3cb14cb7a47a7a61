package io.sentral.app.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The part of RFC 5545 §3.3.10 (RRULE) that people's calendars use for absences: daily lunches,
 * weekly meetings, monthly and yearly dates. {@code FREQ} DAILY, WEEKLY, MONTHLY or YEARLY with
 * {@code INTERVAL}, {@code COUNT}, {@code UNTIL}, {@code WKST} and plain weekdays in
 * {@code BYDAY} (DAILY and WEEKLY). A rule with any other part ({@code BYSETPOS},
 * {@code BYMONTHDAY}, "first Monday" {@code BYDAY=1MO}, HOURLY…) is {@link #supported() not
 * supported}: the event then counts at its first instance only, as if it did not recur.
 */
final class Recurrence {
    /** Instances looked at before giving up on reaching the window: 30 years of a daily event. */
    private static final int MAX_STEPS = 11_000;
    private static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
    private static final Set<String> KNOWN_PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYDAY");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

    private final String frequency;
    private final int interval;
    private final Optional<Integer> count;
    private final Optional<Instant> until;
    private final DayOfWeek weekStart;
    private final Set<DayOfWeek> byDay;
    private final boolean supported;

    private Recurrence(String frequency, int interval, Optional<Integer> count, Optional<Instant> until,
                       DayOfWeek weekStart, Set<DayOfWeek> byDay, boolean supported) {
        this.frequency = frequency;
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.weekStart = weekStart;
        this.byDay = byDay;
        this.supported = supported;
    }

    /** Reads an RRULE; {@code times} reads its UNTIL. */
    static Recurrence of(ContentLine rule, CalendarTimes times) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rule.value().trim().split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new MalformedCalendarException(rule.number(), "not a recurrence rule part: '" + part + "'");
            }
            parts.put(ContentLine.upper(part.substring(0, eq)), ContentLine.upper(part.substring(eq + 1)));
        }
        String frequency = Optional.ofNullable(parts.get("FREQ")).orElseThrow(
                () -> new MalformedCalendarException(rule.number(), "recurrence rule without FREQ"));
        int interval = positive(rule, parts.getOrDefault("INTERVAL", "1"));
        Optional<Integer> count = Optional.ofNullable(parts.get("COUNT")).map(c -> positive(rule, c));
        Optional<Instant> until = Optional.ofNullable(parts.get("UNTIL")).map(u -> until(rule, u, times));
        DayOfWeek weekStart = Optional.ofNullable(parts.get("WKST")).map(DAYS::get).orElse(DayOfWeek.MONDAY);
        List<String> days = parts.containsKey("BYDAY") ? List.of(parts.get("BYDAY").split(",")) : List.of();
        boolean plainDays = days.stream().allMatch(DAYS::containsKey);
        boolean supported = FREQUENCIES.contains(frequency) && KNOWN_PARTS.containsAll(parts.keySet()) && plainDays
                && (days.isEmpty() || frequency.equals("DAILY") || frequency.equals("WEEKLY"));
        Set<DayOfWeek> byDay = new TreeSet<>(plainDays ? days.stream().map(DAYS::get).toList() : List.of());
        return new Recurrence(frequency, interval, count, until, weekStart, byDay, supported);
    }

    boolean supported() {
        return supported;
    }

    /**
     * The instances' starts, from {@code first} (the event's DTSTART, always the first instance)
     * on, up to but excluding {@code before}; COUNT counts from {@code first}, UNTIL is inclusive.
     */
    List<ZonedDateTime> starts(ZonedDateTime first, Instant before) {
        if (!supported) {
            return first.toInstant().isBefore(before) ? List.of(first) : List.of();
        }
        List<ZonedDateTime> starts = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS; step++) {
            for (LocalDate date : datesOfStep(first.toLocalDate(), step)) {
                ZonedDateTime start = ZonedDateTime.of(date, first.toLocalTime(), first.getZone());
                if (start.isBefore(first)) {
                    continue;
                }
                if (!start.toInstant().isBefore(before) || until.map(start.toInstant()::isAfter).orElse(false)
                        || count.map(c -> starts.size() >= c).orElse(false)) {
                    return starts;
                }
                starts.add(start);
            }
        }
        return starts;
    }

    /** The dates of the {@code step}-th period (day, week, month, year) of the rule, in order. */
    private List<LocalDate> datesOfStep(LocalDate first, int step) {
        long n = (long) step * interval;
        return switch (frequency) {
            case "DAILY" -> {
                LocalDate day = first.plusDays(n);
                yield byDay.isEmpty() || byDay.contains(day.getDayOfWeek()) ? List.of(day) : List.of();
            }
            case "WEEKLY" -> {
                LocalDate weekBegins = first.with(TemporalAdjusters.previousOrSame(weekStart)).plusWeeks(n);
                Set<DayOfWeek> days = byDay.isEmpty() ? Set.of(first.getDayOfWeek()) : byDay;
                yield Stream.iterate(weekBegins, d -> d.plusDays(1)).limit(7)
                        .filter(d -> days.contains(d.getDayOfWeek())).toList();
            }
            case "MONTHLY" -> {
                LocalDate month = first.withDayOfMonth(1).plusMonths(n);
                yield first.getDayOfMonth() <= month.lengthOfMonth()
                        ? List.of(month.withDayOfMonth(first.getDayOfMonth())) : List.of();
            }
            default -> {
                LocalDate year = first.withDayOfMonth(1).plusYears(n);
                yield first.getDayOfMonth() <= year.lengthOfMonth()
                        ? List.of(year.withDayOfMonth(first.getDayOfMonth())) : List.of();
            }
        };
    }

    /** UNTIL is inclusive: a date includes the whole of that day. */
    private static Instant until(ContentLine rule, String value, CalendarTimes times) {
        CalendarTimes.Moment until = times.moment(new ContentLine(rule.number(), "UNTIL", Map.of(), value));
        return until.date() ? until.time().plusDays(1).toInstant().minusNanos(1) : until.time().toInstant();
    }

    private static int positive(ContentLine rule, String digits) {
        try {
            int value = Integer.parseInt(digits);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MalformedCalendarException(rule.number(), "not a positive number in RRULE: '" + digits + "'");
    }
}
