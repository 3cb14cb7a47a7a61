package io.sentral.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ICalendarParser}: the property forms of RFC 5545 that busy times come in, and what is not busy. */
class CalendarParserTest {
    private static final UserId ALICE = UserId.of("alice");
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-04-01T00:00:00Z");

    private final ICalendarParser parser = new ICalendarParser(ZoneId.of("Europe/Oslo"));

    /** A VCALENDAR holding {@code lines}, with CRLF line ends as RFC 5545 §3.1 wants them. */
    static String calendar(String... lines) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sentral//test//EN\r\n");
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        return text.append("END:VCALENDAR\r\n").toString();
    }

    /** One VEVENT of {@code properties}, with a UID of its own unless they give one. */
    static String event(String... properties) {
        String uid = List.of(properties).stream().anyMatch(p -> p.startsWith("UID:")) ? ""
                : "UID:" + Integer.toHexString(String.join("|", properties).hashCode()) + "@test\r\n";
        return "BEGIN:VEVENT\r\n" + uid + String.join("\r\n", properties) + "\r\nEND:VEVENT";
    }

    private List<Absence> absences(String text) {
        ParsedFeed parsed = parser.parse(text, ALICE, FROM, UNTIL);
        assertThat(parsed).isInstanceOf(ParsedFeed.Absences.class);
        return ((ParsedFeed.Absences) parsed).absences();
    }

    private String malformed(String text) {
        ParsedFeed parsed = parser.parse(text, ALICE, FROM, UNTIL);
        assertThat(parsed).isInstanceOf(ParsedFeed.Malformed.class);
        return ((ParsedFeed.Malformed) parsed).problem();
    }

    static Absence busy(AbsenceReason reason, String start, String end) {
        return new Absence(ALICE, reason, Instant.parse(start), Optional.of(Instant.parse(end)), Optional.empty(),
                Absence.Source.CALENDAR);
    }

    @Test
    void utcDateTimes() {
        assertThat(absences(calendar(event("DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "SUMMARY:Budget"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
    }

    @Test
    void dateTimesWithTzidAcrossTheDaylightSavingChange() {
        assertThat(absences(calendar(
                event("DTSTART;TZID=Europe/Oslo:20260302T090000", "DTEND;TZID=Europe/Oslo:20260302T100000"),
                event("DTSTART;TZID=Europe/Stockholm:20260330T090000", "DTEND;TZID=Europe/Stockholm:20260330T093000"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z"));
    }

    @Test
    void outlookAndGlobalTzidsAndDeclaredLocations() {
        assertThat(absences(calendar(
                "BEGIN:VTIMEZONE", "TZID:Helsingfors", "X-LIC-LOCATION:Europe/Helsinki",
                "BEGIN:STANDARD", "DTSTART:19701025T040000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "END:STANDARD",
                "END:VTIMEZONE",
                event("DTSTART;TZID=W. Europe Standard Time:20260302T090000",
                        "DTEND;TZID=W. Europe Standard Time:20260302T100000"),
                event("DTSTART;TZID=\"/mozilla.org/20050126_1/Europe/London\":20260303T090000", "DURATION:PT1H"),
                event("DTSTART;TZID=Helsingfors:20260304T090000", "DURATION:PT1H"),
                event("DTSTART;TZID=Nowhere Standard Time:20260305T090000", "DURATION:PT1H"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-04T07:00:00Z", "2026-03-04T08:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-05T08:00:00Z", "2026-03-05T09:00:00Z"));
    }

    @Test
    void floatingTimesAreInTheUsersZone() {
        assertThat(absences(calendar(event("DTSTART:20260302T090000", "DTEND:20260302T113000"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T08:00:00Z", "2026-03-02T10:30:00Z"));
    }

    @Test
    void allDayDatesAreWholeDaysInTheUsersZone() {
        assertThat(absences(calendar(
                event("DTSTART;VALUE=DATE:20260309", "DTEND;VALUE=DATE:20260314", "SUMMARY:Sommerferie"),
                event("DTSTART;VALUE=DATE:20260302", "SUMMARY:Kurs"),
                event("DTSTART:20260316", "DTEND:20260317", "SUMMARY:Møte i Bergen"))))
                .containsExactly(busy(AbsenceReason.OTHER, "2026-03-01T23:00:00Z", "2026-03-02T23:00:00Z"),
                        busy(AbsenceReason.VACATION, "2026-03-08T23:00:00Z", "2026-03-13T23:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-15T23:00:00Z", "2026-03-16T23:00:00Z"));
    }

    @Test
    void durations() {
        assertThat(absences(calendar(
                event("DTSTART:20260302T090000Z", "DURATION:PT1H30M"),
                event("DTSTART:20260303T090000Z", "DURATION:P1DT2H"),
                event("DTSTART;VALUE=DATE:20260323", "DURATION:P1W", "SUMMARY:Travel to Tromsø"),
                event("DTSTART;VALUE=DATE:20260328", "DURATION:P2D", "CATEGORIES:Sick"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-03T09:00:00Z", "2026-03-04T11:00:00Z"),
                        busy(AbsenceReason.TRAVEL, "2026-03-22T23:00:00Z", "2026-03-29T22:00:00Z"),
                        busy(AbsenceReason.SICK, "2026-03-27T23:00:00Z", "2026-03-29T22:00:00Z"));
    }

    @Test
    void foldedLinesAreUnfolded() {
        String text = calendar("BEGIN:VEVENT", "UID:folded@test", "DTSTART:20260302T09", " 0000Z", "DTEND:2026030",
                "\t2T100000Z", "SUMMARY:Lunsj med ", " Per\\, Kari og Ola", "END:VEVENT").replace("\r\n", "\n");
        assertThat(absences(text))
                .containsExactly(busy(AbsenceReason.LUNCH, "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
    }

    @Test
    void cancelledTransparentAndFreeEventsAreNoAbsences() {
        assertThat(absences(calendar(
                event("DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "STATUS:CANCELLED"),
                event("DTSTART:20260302T110000Z", "DTEND:20260302T120000Z", "TRANSP:TRANSPARENT"),
                event("DTSTART:20260302T130000Z", "DTEND:20260302T140000Z", "X-MICROSOFT-CDO-BUSYSTATUS:FREE"),
                event("DTSTART:20260302T150000Z", "DTEND:20260302T160000Z", "STATUS:CONFIRMED", "TRANSP:OPAQUE",
                        "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE"),
                event("DTSTART:20260303T090000Z", "X-MICROSOFT-CDO-BUSYSTATUS:OOF"))))
                .as("a DATE-TIME start without end or duration takes no time")
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T15:00:00Z", "2026-03-02T16:00:00Z"));
    }

    @Test
    void anAlarmsDurationIsNotTheEvents() {
        assertThat(absences(calendar("BEGIN:VEVENT", "UID:alarm@test", "DTSTART:20260302T090000Z",
                "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DURATION:PT5M", "REPEAT:2", "END:VALARM",
                "END:VEVENT"))).isEmpty();
    }

    @Test
    void freeBusyPeriods() {
        assertThat(absences(calendar("BEGIN:VFREEBUSY", "UID:fb@test", "DTSTART:20260301T000000Z",
                "DTEND:20260401T000000Z",
                "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260302T080000Z/PT8H,20260303T080000Z/20260303T160000Z",
                "FREEBUSY;FBTYPE=FREE:20260304T080000Z/PT8H",
                "FREEBUSY:20260305T090000Z/PT1H",
                "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260306T090000Z/PT30M",
                "FREEBUSY;FBTYPE=X-OUT-TO-LUNCH:20260306T110000Z/PT30M",
                "END:VFREEBUSY")))
                .containsExactly(busy(AbsenceReason.OTHER, "2026-03-02T08:00:00Z", "2026-03-02T16:00:00Z"),
                        busy(AbsenceReason.OTHER, "2026-03-03T08:00:00Z", "2026-03-03T16:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-05T09:00:00Z", "2026-03-05T10:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-06T09:00:00Z", "2026-03-06T09:30:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-06T11:00:00Z", "2026-03-06T11:30:00Z"));
    }

    @Test
    void onlyTheWindowIsImported() {
        assertThat(absences(calendar(
                event("DTSTART:20260227T090000Z", "DTEND:20260228T235959Z"),
                event("DTSTART:20260228T220000Z", "DTEND:20260301T010000Z"),
                event("DTSTART:20260331T230000Z", "DTEND:20260401T010000Z"),
                event("DTSTART:20260401T000000Z", "DTEND:20260401T010000Z"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-02-28T22:00:00Z", "2026-03-01T01:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-31T23:00:00Z", "2026-04-01T01:00:00Z"));
    }

    @Test
    void reasonsFromCategoriesBeforeSummary() {
        assertThat(absences(calendar(
                event("DTSTART:20260302T090000Z", "DURATION:PT1H", "CATEGORIES:Holiday,Personal", "SUMMARY:Lunch"),
                event("DTSTART:20260303T090000Z", "DURATION:PT1H", "SUMMARY:Syk"),
                event("DTSTART:20260304T090000Z", "DURATION:PT1H", "SUMMARY:Tjänsteresa till Göteborg"),
                event("DTSTART:20260305T090000Z", "DURATION:PT1H", "SUMMARY:Lunsjmøte"),
                event("DTSTART:20260306T090000Z", "DURATION:PT1H", "CATEGORIES:Blue", "SUMMARY:Vacation"))))
                .extracting(Absence::reason)
                .containsExactly(AbsenceReason.VACATION, AbsenceReason.SICK, AbsenceReason.TRAVEL, AbsenceReason.LUNCH,
                        AbsenceReason.VACATION);
    }

    @Test
    void recurringEventsLessExceptionsAndMovedInstances() {
        String lunch = "BEGIN:VEVENT\r\nUID:lunch@test\r\nSUMMARY:Lunch\r\n"
                + "DTSTART;TZID=Europe/Oslo:20260223T113000\r\nDTEND;TZID=Europe/Oslo:20260223T120000\r\n"
                + "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20260306T235959Z\r\n"
                + "EXDATE;TZID=Europe/Oslo:20260303T113000,20260304T113000\r\nEND:VEVENT";
        String moved = event("UID:lunch@test", "RECURRENCE-ID;TZID=Europe/Oslo:20260305T113000",
                "DTSTART;TZID=Europe/Oslo:20260305T130000", "DTEND;TZID=Europe/Oslo:20260305T133000", "SUMMARY:Lunch");
        String cancelled = event("UID:lunch@test", "RECURRENCE-ID;TZID=Europe/Oslo:20260306T113000",
                "DTSTART;TZID=Europe/Oslo:20260306T113000", "DTEND;TZID=Europe/Oslo:20260306T120000",
                "STATUS:CANCELLED");
        assertThat(absences(calendar(lunch, moved, cancelled)))
                .containsExactly(busy(AbsenceReason.LUNCH, "2026-03-02T10:30:00Z", "2026-03-02T11:00:00Z"),
                        busy(AbsenceReason.LUNCH, "2026-03-05T12:00:00Z", "2026-03-05T12:30:00Z"));
    }

    @Test
    void weeklyMonthlyAndCountedRecurrences() {
        assertThat(absences(calendar(
                event("DTSTART:20260302T080000Z", "DURATION:PT1H", "SUMMARY:Standup",
                        "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=MO"),
                event("DTSTART;VALUE=DATE:20260131", "SUMMARY:Ferie", "RRULE:FREQ=MONTHLY;COUNT=3"),
                event("DTSTART:20260303T140000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=2"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-03T14:00:00Z", "2026-03-03T15:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-04T14:00:00Z", "2026-03-04T15:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-05T08:00:00Z", "2026-03-05T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-16T08:00:00Z", "2026-03-16T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-19T08:00:00Z", "2026-03-19T09:00:00Z"),
                        busy(AbsenceReason.MEETING, "2026-03-30T08:00:00Z", "2026-03-30T09:00:00Z"),
                        busy(AbsenceReason.VACATION, "2026-03-30T22:00:00Z", "2026-03-31T22:00:00Z"));
    }

    @Test
    void unsupportedRecurrenceCountsOnce() {
        assertThat(absences(calendar(event("DTSTART:20260302T080000Z", "DURATION:PT1H",
                "RRULE:FREQ=MONTHLY;BYDAY=1MO"))))
                .containsExactly(busy(AbsenceReason.MEETING, "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"));
    }

    @Test
    void anEmptyCalendarHasNoAbsences() {
        assertThat(absences(calendar())).isEmpty();
    }

    @Test
    void whatIsNotACalendarIsMalformed() {
        assertThat(malformed("")).isEqualTo("line 1: not an iCalendar feed (no BEGIN:VCALENDAR)");
        assertThat(malformed("<html><body>Sign in</body></html>"))
                .isEqualTo("line 1: not a content line: '<html><body>Sign in</body></html>'");
        assertThat(malformed("SUMMARY:lunch\r\n")).isEqualTo("line 1: SUMMARY outside a VCALENDAR");
        assertThat(malformed(" folded\r\n")).isEqualTo("line 1: folded line continues nothing");
    }

    @Test
    void aTruncatedOrBrokenCalendarIsMalformed() {
        String whole = calendar(event("DTSTART:20260302T090000Z", "DTEND:20260302T100000Z"));
        assertThat(malformed(whole.substring(0, whole.indexOf("END:VEVENT"))))
                .isEqualTo("line 7: the feed ends inside VEVENT");
        assertThat(malformed(calendar(event("DTSTART:2026-03-02", "DTEND:20260302T100000Z"))))
                .isEqualTo("line 6: not a date-time in DTSTART: '2026-03-02'");
        assertThat(malformed(calendar(event("DTSTART:20260302T090000Z", "DURATION:1H"))))
                .isEqualTo("line 7: not a duration in DURATION: '1H'");
        assertThat(malformed(calendar(event("DTEND:20260302T100000Z"))))
                .isEqualTo("line 4: VEVENT: no DTSTART");
        assertThat(malformed(calendar("BEGIN:VEVENT", "END:VTODO"))).isEqualTo("line 5: END:VTODO closes VEVENT");
        assertThat(malformed(calendar("DTSTART;TZID=\"Europe/Oslo:20260302T090000")))
                .isEqualTo("line 4: unclosed quote in parameter TZID");
        assertThat(malformed(calendar(event("DTSTART:20260302T090000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=0"))))
                .isEqualTo("line 8: not a positive number in RRULE: '0'");
    }
}
