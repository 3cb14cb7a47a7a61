package io.sentral.api;

import java.util.Objects;
import java.util.Optional;

/** One HTTP request to the API, as the listener hands it over: nothing Netty-specific. */
record HttpCall(String method, String uri, Optional<String> authorization, Optional<String> cookie, String body,
                String source) {
    HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(source, "source");
    }

    /** The value of cookie {@code name}, if sent. */
    Optional<String> cookie(String name) {
        return cookie.flatMap(header -> {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return Optional.of(part.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        });
    }
}
