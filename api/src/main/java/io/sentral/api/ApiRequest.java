package io.sentral.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a route's handler sees it: the authenticated caller (absent only on open routes),
 * the source address, the session id if the caller came with the session cookie, the path's named
 * segments, the query parameters and the body.
 */
public record ApiRequest(Optional<Caller> signedIn, String source, Optional<String> session,
                         Map<String, String> path, Map<String, String> query, String body, JsonBody json) {
    public ApiRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(signedIn, "signedIn");
        Objects.requireNonNull(source, "source");
        path = Map.copyOf(path);
        query = Map.copyOf(query);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(json, "json");
    }

    /** The caller of a route that requires one. */
    public Caller caller() {
        return signedIn.orElseThrow(() -> new IllegalStateException("an open route has no caller"));
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

    /** The JSON body as {@code type}, strictly: a 400 names what is wrong. */
    public <T> T body(Class<T> type) {
        return json.read(body, type);
    }
}
