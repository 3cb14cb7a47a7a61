package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.Role;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling the API (S17): an authenticated web account, its role, its tenant and the
 * switchboard user it belongs to, if any.
 */
public record Caller(AccountName account, Role role, Optional<TenantId> tenant, Optional<UserId> user) {
    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
    }

    /** An account of no switchboard user. */
    public Caller(AccountName account, Role role, Optional<TenantId> tenant) {
        this(account, role, tenant, Optional.empty());
    }

    /** Whether the caller may see {@code other}'s data: the operator's roles see every customer. */
    public boolean sees(TenantId other) {
        return !role.tenantScoped() || tenant.equals(Optional.of(other));
    }
}
