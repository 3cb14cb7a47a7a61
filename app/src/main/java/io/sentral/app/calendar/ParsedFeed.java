package io.sentral.app.calendar;

import io.sentral.core.switchboard.Absence;
import java.util.List;
import java.util.Objects;

/** What {@link ICalendarParser} made of a feed: the user's busy times, or why it could not read them. */
public sealed interface ParsedFeed {

    /** The busy times as calendar absences, earliest first; empty for a calendar with none. */
    record Absences(List<Absence> absences) implements ParsedFeed {
        public Absences {
            absences = List.copyOf(absences);
        }
    }

    /** The text is not an iCalendar stream (an error page, a truncated download); {@code problem} says where. */
    record Malformed(String problem) implements ParsedFeed {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
