package io.sentral.api;

import io.sentral.core.account.AuditLog;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * (session cookie, {@code Bearer} API token or HTTP Basic with a web account) and checks that the
 * route allows the caller's role. Answers 404 for an unknown path, 405 naming the allowed methods,
 * 401 with a challenge for missing or refused credentials, 429 with Retry-After while logins are
 * throttled, 403 for a role the route does not allow — in that order: the paths are public (the
 * API document lists them), the data behind them is not. Every request that changes something,
 * and every refused one, goes to the audit log.
 */
public final class ApiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    static final String CHALLENGE = "Basic realm=\"sentral\", charset=\"UTF-8\"";
    public static final String SESSION_COOKIE = "sentral_session";

    private final List<ApiRoute> routes;
    private final Authenticator authenticator;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonBody json = new JsonBody();

    public ApiRoutes(List<ApiRoute> routes, Authenticator authenticator, AuditLog audit, Clock clock) {
        this.routes = List.copyOf(routes);
        this.authenticator = authenticator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every route, for the authorization matrix and the API document. */
    public List<ApiRoute> routes() {
        return routes;
    }

    HttpAnswer answer(HttpCall call) {
        String uri = call.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : query(uri.substring(q + 1));
        List<ApiRoute> onPath = new ArrayList<>();
        Map<String, String> params = Map.of();
        ApiRoute route = null;
        String method = call.method();
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
        Optional<Credential> credential = credentialOf(call);
        Authentication authentication = credential
                .map(c -> authenticator.authenticate(c, call.source()))
                .orElse(new Authentication.Refused("no credentials"));
        Optional<Caller> caller = authentication instanceof Authentication.Accepted a
                ? Optional.of(a.caller()) : Optional.empty();
        HttpAnswer answer = decide(route, caller, authentication, credential.isPresent(), call, path, params, query);
        if (!method.equals("GET") && !method.equals("HEAD") || answer.status() == 401 || answer.status() == 403
                || answer.status() == 429) {
            audit.record(new AuditLog.Entry(clock.instant(), who(caller, credential), caller.flatMap(Caller::tenant)
                    .map(Object::toString), call.source(), method + " " + path, answer.status()));
        }
        return answer;
    }

    private HttpAnswer decide(ApiRoute route, Optional<Caller> caller, Authentication authentication,
                              boolean presented, HttpCall call, String path, Map<String, String> params,
                              Map<String, String> query) {
        if (authentication instanceof Authentication.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return HttpAnswer.problem(429, "Too Many Requests", "too many failed logins: try again in " + seconds
                    + " s").withHeader("Retry-After", String.valueOf(seconds));
        }
        if (!route.open()) {
            if (caller.isEmpty()) {
                return HttpAnswer.problem(401, "Unauthorized", presented
                        ? "unknown account, wrong password, or an expired session or revoked token"
                        : "log in: POST /api/session, or send a web account's name and password (HTTP Basic)"
                        + " or an API token (Bearer)").withHeader("WWW-Authenticate", CHALLENGE);
            }
            if (!route.roles().contains(caller.get().role())) {
                LOG.info("{} ({}) refused {} {}", caller.get().account(), caller.get().role(), call.method(), path);
                return HttpAnswer.problem(403, "Forbidden", "role " + caller.get().role().label()
                        + " may not " + call.method() + " " + path);
            }
        }
        try {
            return route.handler().handle(new ApiRequest(caller, call.source(), call.cookie(SESSION_COOKIE),
                    params, query, call.body(), json));
        } catch (ApiException e) {
            return e.answer();
        }
    }

    private static String who(Optional<Caller> caller, Optional<Credential> credential) {
        if (caller.isPresent()) {
            return caller.get().account().value();
        }
        return credential.filter(c -> c instanceof Credential.Password)
                .map(c -> ((Credential.Password) c).username().replaceAll("[^\\x20-\\x7e]", "?"))
                .orElse("anonymous");
    }

    /** The session cookie first (the browser), else the Authorization header. */
    private static Optional<Credential> credentialOf(HttpCall call) {
        Optional<String> session = call.cookie(SESSION_COOKIE).filter(id -> !id.isEmpty());
        if (session.isPresent()) {
            return Optional.of(new Credential.Session(session.get()));
        }
        return call.authorization().flatMap(ApiRoutes::parseAuthorization);
    }

    private static Optional<Credential> parseAuthorization(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(new Credential.Token(token));
        }
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
        return Optional.of(new Credential.Password(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }
}
