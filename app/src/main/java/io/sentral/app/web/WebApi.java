package io.sentral.app.web;

import io.sentral.api.ApiRoute;
import io.sentral.api.ApiRoutes;
import io.sentral.api.AuditRoutes;
import io.sentral.api.OpenApiDocument;
import io.sentral.api.SessionRoutes;
import io.sentral.core.account.AuditLog;
import io.sentral.storage.Database;
import io.sentral.storage.JdbcAccountStore;
import io.sentral.storage.JdbcApiTokens;
import io.sentral.storage.JdbcAuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's HTTP API (S17, N5): sign-in (sessions, API tokens, throttled passwords), the audit
 * log, the API document, and the routes of each feature, given by the caller.
 */
public final class WebApi {
    /** Browser sessions end after an hour without requests, or after twelve hours in all. */
    static final Duration SESSION_IDLE = Duration.ofHours(1);
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** 5 failed logins per account, or 20 per address, within 15 minutes lock further attempts. */
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_SOURCE = 20;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final ApiRoutes routes;
    private final AuditLog audit;

    private WebApi(ApiRoutes routes, AuditLog audit) {
        this.routes = routes;
        this.audit = audit;
    }

    /** The API over {@code database}, with {@code features}' routes besides sign-in and the document. */
    public static WebApi create(Database database, Clock clock, SecureRandom random, List<ApiRoute> features) {
        JdbcAccountStore accounts = new JdbcAccountStore(database);
        JdbcApiTokens tokens = new JdbcApiTokens(database, clock, random);
        SessionStore sessions = new SessionStore(SESSION_IDLE, SESSION_LIFETIME, clock, random,
                name -> accounts.find(name).map(WebLogins::storedHash).orElse(""));
        WebLogins logins = new WebLogins(accounts, tokens, sessions,
                new LoginThrottle(FAILURES_PER_ACCOUNT, FAILURES_PER_SOURCE, FAILURE_WINDOW, clock));
        JdbcAuditLog audit = new JdbcAuditLog(database);
        AtomicReference<List<ApiRoute>> all = new AtomicReference<>(List.of());
        List<ApiRoute> routes = new ArrayList<>(new SessionRoutes(logins, sessions, tokens).routes());
        routes.addAll(new AuditRoutes(audit).routes());
        routes.addAll(features);
        routes.add(OpenApiDocument.route(all::get));
        all.set(List.copyOf(routes));
        return new WebApi(new ApiRoutes(all.get(), logins, audit, clock), audit);
    }

    public ApiRoutes routes() {
        return routes;
    }

    public AuditLog audit() {
        return audit;
    }
}
