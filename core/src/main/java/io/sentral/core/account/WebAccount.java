package io.sentral.core.account;

import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * A login to the web switchboard and API (S17). Tenant roles belong to exactly one tenant; NOC
 * and system admin accounts to none. An operator or user account may be linked to the
 * switchboard {@code user} it acts as.
 */
public record WebAccount(AccountName name, Optional<TenantId> tenant, Role role, AccountSecret secret,
                         Optional<UserId> user) {
    public WebAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(user, "user");
        if (role.tenantScoped() != tenant.isPresent()) {
            throw new IllegalArgumentException("account " + name + ": role " + role
                    + (role.tenantScoped() ? " needs a tenant" : " must not belong to a tenant"));
        }
        if (user.isPresent() && !role.tenantScoped()) {
            throw new IllegalArgumentException("account " + name + ": only tenant accounts link to a user");
        }
    }
}
