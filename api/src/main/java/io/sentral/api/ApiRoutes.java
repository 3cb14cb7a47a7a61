package io.sentral.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API under {@code /api/} (S17): finds the route for a request, authenticates the caller
 * (HTTP Basic with a web account) and checks the route allows the caller's role. Answers 404 for
 * an unknown path, 405 naming the allowed methods, 401 with a Basic challenge for missing or wrong
 * credentials, 403 for a role the route does not allow — in that order: the paths are public
 * (the API document lists them), the data behind them is not.
 */
public final class ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    static final String CHALLENGE = "Basic realm=\"sentral\", charset=\"UTF-8\"";

    private final List<ApiRoute> routes;
    private final Authenticator authenticator;

    public ApiRoutes(List<ApiRoute> routes, Authenticator authenticator) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
    }

    /** Every route, for the authorization matrix and the API document. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /** Answers {@code method uri}; {@code authorization} is the Authorization header, if sent. */
    HttpAnswer answer(String method, String uri, Optional<String> authorization, String body) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : query(uri.substring(q + 1));
        List<ApiRoute> onPath = new ArrayList<>();
        Map<String, String> params = Map.of();
        ApiRoute route = null;
        for (ApiRoute candidate : routes) {
            Optional<Map<String, String>> match = candidate.match(path);
            if (match.isPresent()) {
                onPath.add(candidate);
                if (candidate.method().equals(method) || method.equals("HEAD") && candidate.method().equals("GET")) {
                    route = candidate;
                    params = match.get();
                }
            }
        }
        if (onPath.isEmpty()) {
            return HttpAnswer.problem(404, "Not Found", "no API resource at " + path);
        }
        if (route == null) {
            TreeSet<String> allowed = new TreeSet<>(onPath.stream().map(ApiRoute::method).toList());
            return HttpAnswer.problem(405, "Method Not Allowed", method + " is not allowed on " + path + " (use "
                    + String.join(", ", allowed) + ")").withHeader("Allow", String.join(", ", allowed));
        }
        Optional<Caller> caller = authorization.flatMap(this::authenticate);
        if (caller.isEmpty()) {
            return HttpAnswer.problem(401, "Unauthorized", authorization.isEmpty()
                    ? "log in: send the web account's name and password (HTTP Basic)"
                    : "unknown account or wrong password").withHeader("WWW-Authenticate", CHALLENGE);
        }
        if (!route.roles().contains(caller.get().role())) {
            LOG.info("{} ({}) refused {} {}", caller.get().account(), caller.get().role(), method, path);
            return HttpAnswer.problem(403, "Forbidden", "role " + caller.get().role().name().toLowerCase()
                    .replace('_', '-') + " may not " + method + " " + path);
        }
        return route.handler().handle(new ApiRequest(caller.get(), params, query, body));
    }

    private Optional<Caller> authenticate(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        return authenticator.login(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
