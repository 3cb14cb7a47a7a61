package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.Role;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/** Who is calling the API (S17): an authenticated web account, its role and its tenant, if any. */
public record Caller(AccountName account, Role role, Optional<TenantId> tenant) {
    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenant, "tenant");
    }
}
