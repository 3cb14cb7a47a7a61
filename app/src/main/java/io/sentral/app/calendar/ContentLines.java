package io.sentral.app.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an iCalendar stream into {@link ContentLine}s (RFC 5545 §3.1): lines end with CRLF (a
 * bare LF is accepted too), a line starting with a space or tab continues the one before it
 * ("folding"), and each line is {@code name *(";" param) ":" value}, where a parameter value in
 * double quotes may hold {@code ;}, {@code :} and {@code ,}. Blank lines are skipped.
 */
final class ContentLines {
    private ContentLines() {
    }

    static List<ContentLine> parse(String text) {
        String[] physical = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        List<ContentLine> lines = new ArrayList<>();
        StringBuilder current = null;
        int startedAt = 0;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (current == null) {
                    throw new MalformedCalendarException(i + 1, "folded line continues nothing");
                }
                current.append(line, 1, line.length());
                continue;
            }
            if (current != null) {
                lines.add(line(startedAt, current.toString()));
            }
            current = line.isBlank() ? null : new StringBuilder(line);
            startedAt = i + 1;
        }
        if (current != null) {
            lines.add(line(startedAt, current.toString()));
        }
        return lines;
    }

    private static ContentLine line(int number, String line) {
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new MalformedCalendarException(number, "not a content line: '" + shorten(line) + "'");
        }
        String name = ContentLine.upper(line.substring(0, i));
        Map<String, String> params = new LinkedHashMap<>();
        while (i < line.length() && line.charAt(i) == ';') {
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                throw new MalformedCalendarException(number, "parameter without '=' in " + name);
            }
            String param = ContentLine.upper(line.substring(i + 1, eq));
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
                if (line.charAt(i) == '"') {
                    int close = line.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new MalformedCalendarException(number, "unclosed quote in parameter " + param);
                    }
                    value.append(line, i + 1, close);
                    i = close + 1;
                } else {
                    value.append(line.charAt(i++));
                }
            }
            params.put(param, value.toString());
        }
        if (i >= line.length() || line.charAt(i) != ':') {
            throw new MalformedCalendarException(number, "no ':' after " + name);
        }
        return new ContentLine(number, name, params, line.substring(i + 1));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static String shorten(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }
}
