package io.sentral.app.calendar;

/**
 * Thrown inside the parser where the text breaks RFC 5545; {@link ICalendarParser} turns it into
 * a {@link ParsedFeed.Malformed} value, so it never leaves the package.
 */
final class MalformedCalendarException extends RuntimeException {
    MalformedCalendarException(int line, String problem) {
        super("line " + line + ": " + problem);
    }
}
