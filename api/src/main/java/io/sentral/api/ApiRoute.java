package io.sentral.api;

import io.sentral.core.account.Role;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One API endpoint: method, path template ({@code /api/traces/trunks/{trunk}}), the roles allowed
 * to call it, and its handler.
 */
public record ApiRoute(String method, String template, Set<Role> roles, Handler handler) {

    /** Answers one request; runs on an API worker thread. */
    @FunctionalInterface
    public interface Handler {
        HttpAnswer handle(ApiRequest request);
    }

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/api/")) {
            throw new IllegalArgumentException("API routes live under /api/: " + template);
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(handler, "handler");
    }

    /** The named segments if {@code path} fits the template, URL-decoded. */
    Optional<Map<String, String>> match(String path) {
        List<String> want = List.of(template.split("/", -1));
        List<String> got = List.of(path.split("/", -1));
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            String g = got.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                if (g.isEmpty()) {
                    return Optional.empty();
                }
                // a '+' in a path is a plus (E.164 numbers), not a space as in forms
                values.put(w.substring(1, w.length() - 1), URLDecoder.decode(g.replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            } else if (!w.equals(g)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }
}
