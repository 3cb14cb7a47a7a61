package io.sentral.app.calendar;

import io.sentral.core.switchboard.AbsenceReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The busy times of one VEVENT (RFC 5545 §3.6.1) or VFREEBUSY (§3.6.4). An event is busy
 * unless it is cancelled ({@code STATUS:CANCELLED}), transparent ({@code TRANSP:TRANSPARENT},
 * §3.8.2.7) or shown as free by Outlook ({@code X-MICROSOFT-CDO-BUSYSTATUS:FREE}); it lasts from
 * DTSTART to DTEND, or for DURATION, or one day for a DATE without either (a DATE-TIME without
 * either takes no time, so it is no absence). Free/busy periods are busy unless
 * {@code FBTYPE=FREE} (unknown types count as BUSY, §3.2.9).
 */
final class BusyTimes {
    /** One busy stretch, with the reason its words give. */
    record Busy(Instant start, Instant end, AbsenceReason reason) {
    }

    private final CalendarTimes times;

    BusyTimes(CalendarTimes times) {
        this.times = times;
    }

    /**
     * The busy instances of an event that start before {@code before}: one, or one per
     * recurrence (RRULE), less the EXDATEs and the instances {@code overridden} by other VEVENTs
     * (RECURRENCE-ID) of the same UID.
     */
    List<Busy> event(Component event, Set<Instant> overridden, Instant before) {
        if (event.is("STATUS", "CANCELLED") || event.is("TRANSP", "TRANSPARENT")
                || event.is("X-MICROSOFT-CDO-BUSYSTATUS", "FREE")) {
            return List.of();
        }
        CalendarTimes.Moment start = times.moment(event.first("DTSTART")
                .orElseThrow(() -> event.malformed("no DTSTART")));
        UnaryOperator<ZonedDateTime> end = end(event, start);
        AbsenceReason reason = AbsenceKeywords.reason(event.all("CATEGORIES").stream().map(ContentLine::text).toList(),
                event.first("SUMMARY").map(ContentLine::text), start.date());
        List<ZonedDateTime> starts = event.first("RRULE").map(rule -> Recurrence.of(rule, times))
                .map(rule -> rule.starts(start.time(), before))
                .orElse(List.of(start.time()));
        Set<Instant> excluded = excluded(event, overridden);
        List<Busy> busy = new ArrayList<>();
        for (ZonedDateTime s : starts) {
            ZonedDateTime e = end.apply(s);
            if (e.isAfter(s) && !excluded.contains(s.toInstant())) {
                busy.add(new Busy(s.toInstant(), e.toInstant(), reason));
            }
        }
        return busy;
    }

    /** The busy periods of a VFREEBUSY: out of office (BUSY-UNAVAILABLE) is "other", the rest meetings. */
    List<Busy> freeBusy(Component freeBusy) {
        List<Busy> busy = new ArrayList<>();
        for (ContentLine line : freeBusy.all("FREEBUSY")) {
            String type = line.param("FBTYPE").orElse("BUSY").trim();
            if (type.equalsIgnoreCase("FREE")) {
                continue;
            }
            AbsenceReason reason = type.equalsIgnoreCase("BUSY-UNAVAILABLE") ? AbsenceReason.OTHER
                    : AbsenceReason.MEETING;
            for (String period : line.value().split(",")) {
                CalendarTimes.Span span = times.period(period.trim(), line);
                if (span.end().isAfter(span.start())) {
                    busy.add(new Busy(span.start().toInstant(), span.end().toInstant(), reason));
                }
            }
        }
        return busy;
    }

    /** The instant of a DATE or DATE-TIME property such as RECURRENCE-ID. */
    Instant instant(ContentLine line) {
        return times.moment(line).time().toInstant();
    }

    /** How an instance starting at a given time ends: as DTEND is to DTSTART, or DURATION after it. */
    private UnaryOperator<ZonedDateTime> end(Component event, CalendarTimes.Moment start) {
        Optional<ContentLine> dtend = event.first("DTEND");
        if (dtend.isPresent()) {
            ZonedDateTime end = times.moment(dtend.get()).time();
            if (start.date()) {
                long days = ChronoUnit.DAYS.between(start.time().toLocalDate(), end.toLocalDate());
                return s -> s.plusDays(days);
            }
            Duration length = Duration.between(start.time(), end);
            return s -> s.plus(length);
        }
        Optional<ContentLine> duration = event.first("DURATION");
        if (duration.isPresent()) {
            CalendarTimes.Period period = times.duration(duration.get());
            return period::after;
        }
        return start.date() ? s -> s.plusDays(1) : s -> s;
    }

    /** EXDATE instants (a property may list several, each line with its own TZID) and overridden ones. */
    private Set<Instant> excluded(Component event, Set<Instant> overridden) {
        Set<Instant> excluded = new HashSet<>(overridden);
        for (ContentLine line : event.all("EXDATE")) {
            for (String value : line.value().split(",")) {
                excluded.add(times.moment(new ContentLine(line.number(), line.name(), line.params(), value)).time()
                        .toInstant());
            }
        }
        return excluded;
    }
}
