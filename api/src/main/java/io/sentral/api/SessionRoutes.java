package io.sentral.api;

import io.sentral.core.account.ApiTokens;

import io.sentral.core.account.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signing in and out (S17): {@code POST /api/session} with a web account's name and password sets
 * an HttpOnly, SameSite=Strict session cookie for the browser; {@code GET} says who is signed in;
 * {@code DELETE} signs out. API tokens for machines: {@code POST/GET /api/tokens},
 * {@code DELETE /api/tokens/{id}} — each account manages its own.
 */
public final class SessionRoutes {
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    private final Authenticator authenticator;
    private final Sessions sessions;
    private final ApiTokens tokens;

    public SessionRoutes(Authenticator authenticator, Sessions sessions, ApiTokens tokens) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** The login form's body. */
    record Login(String username, String password) {
        Login {
            JsonBody.required(username, "username");
            JsonBody.required(password, "password");
        }
    }

    /** A new API token's body. */
    record NewToken(String name) {
        NewToken {
            JsonBody.required(name, "name");
            if (name.length() > 100) {
                throw new IllegalArgumentException("field 'name': at most 100 characters");
            }
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.open("POST", "/api/session", "Sign in with a web account; sets the session cookie",
                        this::signIn),
                ApiRoute.of("GET", "/api/session", EVERYONE, "Who is signed in", r -> HttpAnswer.json(200,
                        whoIs(r.caller()))),
                ApiRoute.of("DELETE", "/api/session", EVERYONE, "Sign out", this::signOut),
                ApiRoute.of("POST", "/api/tokens", EVERYONE, "Create an API token (its secret is shown once)",
                        this::issue),
                ApiRoute.of("GET", "/api/tokens", EVERYONE, "The caller's API tokens (never their secrets)",
                        r -> HttpAnswer.json(200, tokens.of(r.caller().account()).stream()
                                .map(SessionRoutes::describe).toList())),
                ApiRoute.of("DELETE", "/api/tokens/{id}", EVERYONE, "Revoke one of the caller's API tokens",
                        this::revoke));
    }

    private HttpAnswer signIn(ApiRequest request) {
        Login login = request.body(Login.class);
        return switch (authenticator.authenticate(new Credential.Password(login.username(), login.password()),
                request.source())) {
            case Authentication.Accepted a -> HttpAnswer.json(200, whoIs(a.caller()))
                    .withHeader("Set-Cookie", ApiRoutes.SESSION_COOKIE + "=" + sessions.open(a.caller())
                            + "; Path=/; HttpOnly; SameSite=Strict");
            case Authentication.Refused r -> HttpAnswer.problem(401, "Unauthorized",
                    "unknown account or wrong password");
            case Authentication.Throttled t -> {
                long seconds = Math.max(1, t.retryAfter().toSeconds());
                yield HttpAnswer.problem(429, "Too Many Requests", "too many failed logins: try again in "
                        + seconds + " s").withHeader("Retry-After", String.valueOf(seconds));
            }
        };
    }

    private HttpAnswer signOut(ApiRequest request) {
        request.session().ifPresent(sessions::close);
        return HttpAnswer.empty(204).withHeader("Set-Cookie", ApiRoutes.SESSION_COOKIE
                + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    private HttpAnswer issue(ApiRequest request) {
        NewToken body = request.body(NewToken.class);
        ApiTokens.Issued issued = tokens.issue(request.caller().account(), body.name().trim());
        Map<String, Object> doc = describe(issued.token());
        doc.put("token", issued.secret());
        return HttpAnswer.json(201, doc);
    }

    private HttpAnswer revoke(ApiRequest request) {
        long id;
        try {
            id = Long.parseLong(request.path("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("token id: '" + request.path("id") + "' is not a number");
        }
        if (!tokens.revoke(request.caller().account(), id)) {
            throw ApiException.notFound("you have no API token " + id);
        }
        return HttpAnswer.empty(204);
    }

    static Map<String, Object> whoIs(Caller caller) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("account", caller.account().value());
        doc.put("role", caller.role().label());
        caller.tenant().ifPresent(t -> doc.put("tenant", t.value()));
        return doc;
    }

    private static Map<String, Object> describe(ApiTokens.Token token) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", token.id());
        doc.put("name", token.name());
        doc.put("created", token.created().toString());
        token.lastUsed().ifPresent(at -> doc.put("lastUsed", at.toString()));
        return doc;
    }
}
