package io.sentral.api;

import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;

/**
 * Strict tenant isolation (S17) for routes under {@code /api/customers/{tenant}/}: a customer's
 * accounts see their own customer only; another customer is answered 404, exactly as a customer
 * that does not exist, so that nobody learns which customers there are.
 */
final class TenantScope {
    private TenantScope() {
    }

    /** The path's tenant if the caller may see it; else 404. */
    static TenantId of(ApiRequest request, TenantSnapshot snapshot) {
        String text = request.path("tenant");
        TenantId tenant;
        try {
            tenant = TenantId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no customer '" + text + "'");
        }
        if (!request.caller().sees(tenant) || snapshot.customer(tenant).isEmpty()) {
            throw ApiException.notFound("no customer '" + text + "'");
        }
        return tenant;
    }

    /** The path's user of the path's tenant; 404 if there is none. */
    static User user(ApiRequest request, TenantSnapshot snapshot) {
        TenantId tenant = of(request, snapshot);
        String text = request.path("user");
        return snapshot.users(tenant).stream().filter(u -> u.id().value().equals(text)).findFirst()
                .orElseThrow(() -> ApiException.notFound("customer " + tenant + " has no user '" + text + "'"));
    }

    /** A user-role account acts on its own user only (403 otherwise). */
    static void requireSelfIfUser(ApiRequest request, UserId user) {
        Caller caller = request.caller();
        if (caller.role() == io.sentral.core.account.Role.USER && !caller.user().equals(java.util.Optional.of(user))) {
            throw ApiException.forbidden("a user account acts on its own user only, not on " + user);
        }
    }
}
