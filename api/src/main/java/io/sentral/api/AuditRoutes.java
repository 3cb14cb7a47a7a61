package io.sentral.api;

import io.sentral.core.account.AuditLog;
import io.sentral.core.account.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/audit} (S17): the newest audit entries — every change and login attempt, who,
 * what, when, from where. The operator's NOC and system admins see all; a customer's contact
 * person sees the entries of the customer's own accounts.
 */
public final class AuditRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.of("GET", "/api/audit", Set.of(Role.SYSTEM_ADMIN, Role.NOC, Role.CONTACT_PERSON),
                "The newest audit entries (?limit=1-1000, default 100); a contact person sees the customer's own",
                this::recent));
    }

    private HttpAnswer recent(ApiRequest request) {
        int limit = request.query("limit").map(AuditRoutes::limit).orElse(DEFAULT_LIMIT);
        Optional<String> tenant = request.caller().role().tenantScoped()
                ? request.caller().tenant().map(Object::toString) : Optional.empty();
        return HttpAnswer.json(200, audit.recent(tenant, limit).stream().map(AuditRoutes::entry).toList());
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit: '" + text + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    private static Map<String, Object> entry(AuditLog.Entry e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("at", e.at().toString());
        doc.put("account", e.account());
        e.tenant().ifPresent(t -> doc.put("tenant", t));
        doc.put("source", e.source());
        doc.put("action", e.action());
        doc.put("status", e.status());
        return doc;
    }
}
