/**
 * Calendar sync (S6): users' iCalendar feeds (RFC 5545) read on a schedule, their busy times
 * turned into calendar absences of the {@link io.sentral.core.switchboard.AbsenceStore}.
 *
 * <p>{@link io.sentral.app.calendar.CalendarSync} schedules and fetches (through
 * {@link io.sentral.app.calendar.FeedReader}); {@link io.sentral.app.calendar.ICalendarParser}
 * is pure: text, user and time window in, absences (or the reason the text is unreadable) out.
 * Below it sit {@link io.sentral.app.calendar.ContentLines} (RFC 5545 §3.1: unfolding, property
 * names, parameters), {@link io.sentral.app.calendar.CalendarTimes} (§3.3.4/§3.3.5 DATE and
 * DATE-TIME with TZID, §3.3.6 DURATION, §3.3.9 PERIOD) and
 * {@link io.sentral.app.calendar.AbsenceKeywords} (reason from categories or summary).
 */
package io.sentral.app.calendar;
