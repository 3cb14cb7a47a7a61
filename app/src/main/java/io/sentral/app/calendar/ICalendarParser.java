package io.sentral.app.calendar;

import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a user's busy times from an iCalendar stream (RFC 5545) as calendar absences (S6): the
 * VEVENTs and VFREEBUSYs of its VCALENDARs, as {@link BusyTimes} describes, that end after
 * {@code from} and start before {@code until}. Pure: no I/O, no clock, no logging.
 *
 * <p>A stream that breaks the format (not a VCALENDAR, a component left open by a truncated
 * download, a date that is not one) is {@link ParsedFeed.Malformed} as a whole, so that sync keeps
 * the absences it had rather than importing half a calendar.
 */
public final class ICalendarParser {
    private final ZoneId userZone;

    /** @param userZone where floating times and all-day dates of the feed are (the user's own zone) */
    public ICalendarParser(ZoneId userZone) {
        this.userZone = Objects.requireNonNull(userZone, "userZone");
    }

    public ParsedFeed parse(String text, UserId user, Instant from, Instant until) {
        Objects.requireNonNull(user, "user");
        try {
            Structure structure = Structure.of(ContentLines.parse(text));
            BusyTimes busyTimes = new BusyTimes(new CalendarTimes(userZone, structure.zoneLocations()));
            Map<String, Set<Instant>> overridden = overridden(structure.events(), busyTimes);
            List<BusyTimes.Busy> busy = new ArrayList<>();
            for (Component event : structure.events()) {
                Set<Instant> replaced = event.first("RECURRENCE-ID").isPresent() ? Set.of()
                        : overridden.getOrDefault(uid(event), Set.of());
                busy.addAll(busyTimes.event(event, replaced, until));
            }
            structure.freeBusy().forEach(fb -> busy.addAll(busyTimes.freeBusy(fb)));
            return new ParsedFeed.Absences(busy.stream()
                    .filter(b -> b.end().isAfter(from) && b.start().isBefore(until))
                    .map(b -> new Absence(user, b.reason(), b.start(), Optional.of(b.end()), Optional.empty(),
                            Absence.Source.CALENDAR))
                    .distinct()
                    .sorted(Comparator.comparing(Absence::start).thenComparing(a -> a.end().orElseThrow()))
                    .toList());
        } catch (MalformedCalendarException e) {
            return new ParsedFeed.Malformed(e.getMessage());
        }
    }

    /** The instants, by UID, of recurring events' instances that a VEVENT with RECURRENCE-ID replaces. */
    private static Map<String, Set<Instant>> overridden(List<Component> events, BusyTimes busyTimes) {
        Map<String, Set<Instant>> overridden = new HashMap<>();
        for (Component event : events) {
            event.first("RECURRENCE-ID").ifPresent(id -> overridden.computeIfAbsent(uid(event), u -> new HashSet<>())
                    .add(busyTimes.instant(id)));
        }
        return overridden;
    }

    private static String uid(Component event) {
        return event.first("UID").map(ContentLine::value).orElse("");
    }

    /**
     * The components of the stream that matter: VEVENTs and VFREEBUSYs directly in a VCALENDAR,
     * and the {@code X-LIC-LOCATION} each VTIMEZONE gives its TZID. BEGIN and END must pair up.
     */
    private record Structure(List<Component> events, List<Component> freeBusy, Map<String, String> zoneLocations) {

        static Structure of(List<ContentLine> lines) {
            List<Component> events = new ArrayList<>();
            List<Component> freeBusy = new ArrayList<>();
            Map<String, String> zoneLocations = new HashMap<>();
            Deque<String> open = new ArrayDeque<>();
            ContentLine begin = null;
            List<ContentLine> properties = new ArrayList<>();
            boolean calendar = false;
            for (ContentLine line : lines) {
                String value = ContentLine.upper(line.value().trim());
                if (line.name().equals("BEGIN")) {
                    if (open.isEmpty() != value.equals("VCALENDAR")) {
                        throw new MalformedCalendarException(line.number(), "BEGIN:" + value
                                + (open.isEmpty() ? " outside a VCALENDAR" : " inside " + open.peek()));
                    }
                    calendar = true;
                    open.push(value);
                    if (open.size() == 2) {
                        begin = line;
                        properties = new ArrayList<>();
                    }
                } else if (line.name().equals("END")) {
                    if (!value.equals(open.peek())) {
                        throw new MalformedCalendarException(line.number(), "END:" + value + " closes "
                                + (open.isEmpty() ? "nothing" : open.peek()));
                    }
                    open.pop();
                    if (open.size() == 1) {
                        Component component = new Component(begin, properties);
                        switch (value) {
                            case "VEVENT" -> events.add(component);
                            case "VFREEBUSY" -> freeBusy.add(component);
                            case "VTIMEZONE" -> component.first("TZID").ifPresent(tzid -> component
                                    .first("X-LIC-LOCATION").ifPresent(l -> zoneLocations.put(tzid.value(), l.value())));
                            default -> { }
                        }
                    }
                } else if (open.isEmpty()) {
                    throw new MalformedCalendarException(line.number(), line.name() + " outside a VCALENDAR");
                } else if (open.size() == 2) {
                    properties.add(line);
                }
            }
            if (!open.isEmpty()) {
                throw new MalformedCalendarException(lines.getLast().number(), "the feed ends inside " + open.peek());
            }
            if (!calendar) {
                throw new MalformedCalendarException(1, "not an iCalendar feed (no BEGIN:VCALENDAR)");
            }
            return new Structure(events, freeBusy, zoneLocations);
        }
    }
}
