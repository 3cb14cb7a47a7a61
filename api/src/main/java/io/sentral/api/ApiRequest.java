package io.sentral.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a route's handler sees it: the authenticated caller, the path's named segments,
 * the query parameters and the body.
 */
public record ApiRequest(Caller caller, Map<String, String> path, Map<String, String> query, String body) {
    public ApiRequest {
        Objects.requireNonNull(caller, "caller");
        path = Map.copyOf(path);
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
    }

    /** The value of path segment {@code {name}}. */
    public String path(String name) {
        String value = path.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no {" + name + "} segment");
        }
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
