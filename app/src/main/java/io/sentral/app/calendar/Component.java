package io.sentral.app.calendar;

import java.util.List;
import java.util.Optional;

/**
 * A VEVENT or VFREEBUSY with its own properties (those of components nested in it, such as a
 * VALARM's DURATION, are not among them).
 *
 * @param begin the BEGIN line, for error messages
 */
record Component(ContentLine begin, List<ContentLine> properties) {

    Component {
        properties = List.copyOf(properties);
    }

    Optional<ContentLine> first(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    List<ContentLine> all(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** Whether the property {@code name} is present with the value {@code word} (ignoring case). */
    boolean is(String name, String word) {
        return first(name).map(p -> p.valueIs(word)).orElse(false);
    }

    MalformedCalendarException malformed(String problem) {
        return new MalformedCalendarException(begin.number(), begin.value().trim() + ": " + problem);
    }
}
