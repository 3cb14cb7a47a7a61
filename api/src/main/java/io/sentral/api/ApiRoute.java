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
 * One API endpoint: method, path template ({@code /api/traces/trunks/{trunk}}), who may call it —
 * the listed roles, or anyone when {@code open} (the login itself) — a one-line summary for the
 * API document, and its handler.
 */
public record ApiRoute(String method, String template, Set<Role> roles, boolean open, String summary,
                       Handler handler) {

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
        if (!open && roles.isEmpty()) {
            throw new IllegalArgumentException(method + " " + template + " allows no role: list them or make it open");
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
    }

    /** A route for the given roles. */
    public static ApiRoute of(String method, String template, Set<Role> roles, String summary, Handler handler) {
        return new ApiRoute(method, template, roles, false, summary, handler);
    }

    /** A route anyone may call, signed in or not. */
    public static ApiRoute open(String method, String template, String summary, Handler handler) {
        return new ApiRoute(method, template, Set.of(), true, summary, handler);
    }

    /** The names of the template's {@code {segments}}. */
    public List<String> parameters() {
        return List.of(template.split("/")).stream().filter(s -> s.startsWith("{") && s.endsWith("}"))
                .map(s -> s.substring(1, s.length() - 1)).toList();
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
