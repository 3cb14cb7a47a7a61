package io.sentral.app.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of RFC 5545 as one calendar writes them: DATE ({@code 20260301}, §3.3.4, the start of
 * that day in the user's zone), DATE-TIME (§3.3.5) in UTC ({@code 20260301T090000Z}), with a
 * {@code TZID} parameter, or floating (no zone: the user's zone), DURATION (§3.3.6) and PERIOD
 * (§3.3.9).
 *
 * <p>TZIDs are resolved to Java zones without reading VTIMEZONE rules: an IANA name
 * ({@code Europe/Oslo}), a global id ending in one ({@code /mozilla.org/…/Europe/Oslo}), the
 * {@code X-LIC-LOCATION} a VTIMEZONE declares for it, or a Windows name as Outlook and Exchange
 * write it ({@code W. Europe Standard Time}); anything else is taken as the user's zone, which
 * for the Nordic customers Sentral serves is what such a feed almost always means.
 */
final class CalendarTimes {
    /** A time read from a property; {@code date} for DATE values (all-day events). */
    record Moment(ZonedDateTime time, boolean date) {
    }

    /** A stretch of time, e.g. one busy period of a FREEBUSY property. */
    record Span(ZonedDateTime start, ZonedDateTime end) {
    }

    /** A nominal length (§3.3.6): its days follow the calendar (23 or 25 hours across a DST change). */
    record Period(boolean negative, int days, Duration time) {
        ZonedDateTime after(ZonedDateTime start) {
            return negative ? start.minusDays(days).minus(time) : start.plusDays(days).plus(time);
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d+)W|(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?)");
    private static final Map<String, String> WINDOWS_ZONES = Map.ofEntries(
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
            Map.entry("FLE Standard Time", "Europe/Kiev"),
            Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
            Map.entry("GTB Standard Time", "Europe/Bucharest"),
            Map.entry("Russian Standard Time", "Europe/Moscow"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("India Standard Time", "Asia/Kolkata"),
            Map.entry("UTC", "UTC"),
            Map.entry("Coordinated Universal Time", "UTC"));

    private final ZoneId userZone;
    private final Map<String, String> declaredLocations;

    /**
     * @param userZone          where floating times and all-day dates are
     * @param declaredLocations {@code X-LIC-LOCATION} of each VTIMEZONE of the feed, by TZID
     */
    CalendarTimes(ZoneId userZone, Map<String, String> declaredLocations) {
        this.userZone = userZone;
        this.declaredLocations = Map.copyOf(declaredLocations);
    }

    /** The DATE or DATE-TIME value of a property such as DTSTART. */
    Moment moment(ContentLine line) {
        return moment(line.value().trim(), line);
    }

    /** The DURATION value of a property. */
    Period duration(ContentLine line) {
        return duration(line.value().trim(), line);
    }

    /** One PERIOD of a FREEBUSY value: {@code start/end} or {@code start/duration}. */
    Span period(String text, ContentLine line) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new MalformedCalendarException(line.number(), "not a period in " + line.name() + ": '" + text + "'");
        }
        ZonedDateTime start = moment(text.substring(0, slash).trim(), line).time();
        String rest = text.substring(slash + 1).trim();
        boolean isDuration = rest.startsWith("P") || rest.startsWith("+") || rest.startsWith("-");
        return new Span(start, isDuration ? duration(rest, line).after(start) : moment(rest, line).time());
    }

    private Moment moment(String value, ContentLine line) {
        boolean isDate = line.param("VALUE").map(v -> v.equalsIgnoreCase("DATE")).orElse(false) || value.length() == 8;
        try {
            if (isDate) {
                return new Moment(LocalDate.parse(value, DATE).atStartOfDay(userZone), true);
            }
            if (value.endsWith("Z") || value.endsWith("z")) {
                return new Moment(LocalDateTime.parse(value.substring(0, value.length() - 1), DATE_TIME)
                        .atZone(ZoneOffset.UTC), false);
            }
            ZoneId zone = line.param("TZID").map(this::zone).orElse(userZone);
            return new Moment(LocalDateTime.parse(value, DATE_TIME).atZone(zone), false);
        } catch (DateTimeParseException e) {
            throw new MalformedCalendarException(line.number(), "not a " + (isDate ? "date" : "date-time")
                    + " in " + line.name() + ": '" + value + "'");
        }
    }

    private Period duration(String value, ContentLine line) {
        Matcher m = DURATION.matcher(value);
        // every element of the pattern is optional, but a duration has at least one
        if (!m.matches() || value.endsWith("P") || value.endsWith("T")) {
            throw new MalformedCalendarException(line.number(), "not a duration in " + line.name() + ": '" + value + "'");
        }
        int days = m.group(2) != null ? 7 * Integer.parseInt(m.group(2)) : number(m.group(3));
        Duration time = Duration.ofHours(number(m.group(4))).plusMinutes(number(m.group(5)))
                .plusSeconds(number(m.group(6)));
        return new Period("-".equals(m.group(1)), days, time);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private ZoneId zone(String tzid) {
        return known(tzid)
                .or(() -> Optional.ofNullable(declaredLocations.get(tzid)).flatMap(CalendarTimes::known))
                .or(() -> Optional.ofNullable(WINDOWS_ZONES.get(tzid)).flatMap(CalendarTimes::known))
                .or(() -> globalIdSuffix(tzid))
                .orElse(userZone);
    }

    private static Optional<ZoneId> known(String name) {
        try {
            return Optional.of(ZoneId.of(name.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code /mozilla.org/20050126_1/Europe/Oslo}: the longest tail that is a zone name. */
    private static Optional<ZoneId> globalIdSuffix(String tzid) {
        for (int slash = tzid.indexOf('/'); slash >= 0; slash = tzid.indexOf('/', slash + 1)) {
            Optional<ZoneId> zone = known(tzid.substring(slash + 1));
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }
}
