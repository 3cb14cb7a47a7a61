package io.sentral.config;

import java.util.HashMap;
import java.util.Map;

/** Remembers where each identifier was first declared, to report duplicates with both places. */
final class Uniques {
    private final Map<String, String> firstSeenAt = new HashMap<>();

    /** Claims {@code key} of {@code kind} for the declaration at {@code at}, or fails if it was seen before. */
    void claim(String kind, Object key, YamlNode at) {
        String previous = firstSeenAt.putIfAbsent(kind + "\u0000" + key, at.path());
        if (previous != null) {
            throw at.error("duplicate " + kind + " '" + key + "' (first at " + previous + ")");
        }
    }
}
