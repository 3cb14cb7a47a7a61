package io.sentral.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header-name rules of RFC 3261 §7.3: names are case-insensitive, compact forms (§7.3.3, and the
 * IANA registry) stand for long names, and some headers may carry comma-separated lists that mean
 * the same as repeated headers (§7.3.1).
 */
final class HeaderNames {
    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("e", "Content-Encoding"),
            Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"), Map.entry("f", "From"),
            Map.entry("s", "Subject"), Map.entry("k", "Supported"), Map.entry("t", "To"), Map.entry("v", "Via"),
            Map.entry("o", "Event"), Map.entry("r", "Refer-To"), Map.entry("b", "Referred-By"),
            Map.entry("u", "Allow-Events"), Map.entry("x", "Session-Expires"), Map.entry("y", "Identity"),
            Map.entry("a", "Accept-Contact"), Map.entry("j", "Reject-Contact"), Map.entry("d", "Request-Disposition"));

    /** Headers whose comma-separated values are separate entries. Not the auth headers: their commas separate parameters. */
    private static final Set<String> LISTS = Set.of("via", "contact", "route", "record-route", "path", "service-route",
            "allow", "supported", "require", "proxy-require", "unsupported", "allow-events");

    private HeaderNames() {
    }

    /** The long form of a compact name; other names as given. */
    static String canonical(String name) {
        String trimmed = name.trim();
        return trimmed.length() == 1 ? COMPACT.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed) : trimmed;
    }

    /** The lookup key: long form, lower case. */
    static String key(String name) {
        return canonical(name).toLowerCase(Locale.ROOT);
    }

    static boolean isList(String name) {
        return LISTS.contains(key(name));
    }

    /** Splits at commas outside quoted strings and angle brackets; blank parts are dropped. */
    static List<String> splitList(String value) {
        return split(value, ',');
    }

    /** Splits at {@code separator} outside quoted strings and angle brackets, trimming the parts. */
    static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (quoted && ch == '\\' && i + 1 < value.length()) {
                current.append(ch).append(value.charAt(++i));
                continue;
            }
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '<') {
                bracketed = true;
            } else if (!quoted && ch == '>') {
                bracketed = false;
            } else if (!quoted && !bracketed && ch == separator) {
                addPart(parts, current);
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        addPart(parts, current);
        return parts;
    }

    private static void addPart(List<String> parts, StringBuilder part) {
        String p = part.toString().trim();
        if (!p.isEmpty()) {
            parts.add(p);
        }
    }
}
