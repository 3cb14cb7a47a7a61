package io.sentral.config;

import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code node.callerLookup} (S11) into {@link CallerLookupSettings}; every key has a
 * default, and an empty {@code url} (also from {@code SENTRAL_CALLER_LOOKUP_URL=""}) means the
 * directory only.
 */
final class CallerLookupBinder {

    private CallerLookupBinder() {
    }

    static CallerLookupSettings bind(Optional<YamlNode> section) {
        CallerLookupSettings d = CallerLookupSettings.defaults();
        if (section.isEmpty()) {
            return d;
        }
        YamlNode lookup = section.get().object(Set.of("url", "timeout", "cacheTtl", "cacheSize"));
        return new CallerLookupSettings(
                lookup.optional("url").filter(n -> !n.text().isBlank())
                        .map(n -> n.parse(text -> CallerLookupSettings.template(text.trim()))),
                lookup.optional("timeout").map(NodeBinder::positive).orElse(d.timeout()),
                lookup.optional("cacheTtl").map(YamlNode::duration).orElse(d.cacheTtl()),
                lookup.optional("cacheSize").map(n -> n.integer(0, 10_000_000)).orElse(d.cacheSize()));
    }
}
