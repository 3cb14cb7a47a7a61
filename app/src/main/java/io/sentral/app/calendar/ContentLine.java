package io.sentral.app.calendar;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One unfolded content line of an iCalendar stream (RFC 5545 §3.1):
 * {@code NAME;PARAM=value:value}. Names (property and parameter) are upper case; parameter values
 * are unquoted, values are as written (escapes are for {@link #text()} to undo).
 *
 * @param number the physical line the content line starts on, for error messages
 */
record ContentLine(int number, String name, Map<String, String> params, String value) {

    ContentLine {
        params = Map.copyOf(params);
    }

    Optional<String> param(String param) {
        return Optional.ofNullable(params.get(param));
    }

    /** Whether the value, ignoring case, is {@code word} (enumerated values such as {@code CANCELLED}). */
    boolean valueIs(String word) {
        return value.trim().equalsIgnoreCase(word);
    }

    /** The value as TEXT (§3.3.11): {@code \n}, {@code \,}, {@code \;} and {@code \\} unescaped. */
    String text() {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                text.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
