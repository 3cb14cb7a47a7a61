package io.sentral.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ;name=value} parameter lists of URIs, Via and name-addr headers (RFC 3261 §25.1). Names
 * are kept in lower case (they are case-insensitive); a parameter without value maps to "".
 */
final class Params {

    private Params() {
    }

    /** Parses {@code ;a=1;b;c="x;y"} (leading semicolon optional). */
    static Map<String, String> parse(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : HeaderNames.split(text, ';')) {
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            if (!name.isEmpty()) {
                params.put(name, value);
            }
        }
        return Collections.unmodifiableMap(params);
    }

    static String format(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((name, value) -> {
            out.append(';').append(name);
            if (!value.isEmpty()) {
                out.append('=').append(value);
            }
        });
        return out.toString();
    }

    static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name.toLowerCase(Locale.ROOT), value);
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, String> without(Map<String, String> params, String name) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove(name.toLowerCase(Locale.ROOT));
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, String> copy(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), v));
        return Collections.unmodifiableMap(copy);
    }
}
