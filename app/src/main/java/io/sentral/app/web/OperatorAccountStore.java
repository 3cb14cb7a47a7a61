package io.sentral.app.web;

import io.sentral.api.ApiException;
import io.sentral.api.OperatorAccounts;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.WebAccount;
import io.sentral.storage.JdbcAccountStore;
import io.sentral.storage.JdbcApiTokens;
import io.sentral.storage.JdbcTenantStore;
import io.sentral.storage.Provisioner;
import io.sentral.storage.ProvisioningConflictException;
import java.util.List;
import java.util.Optional;

/**
 * The operator's own accounts (S17) for the API, kept by the {@link Provisioner} that also writes
 * the YAML file's {@code accounts}; conflicts become 409. A removed account's API tokens are
 * deleted with it, so that a later account of the same name does not inherit them; its sessions
 * end by themselves, as {@link WebLogins} reads the account on every request.
 */
public final class OperatorAccountStore implements OperatorAccounts {
    private final Provisioner provisioner;
    private final JdbcTenantStore stored;
    private final JdbcAccountStore accounts;
    private final JdbcApiTokens tokens;

    public OperatorAccountStore(Provisioner provisioner, JdbcTenantStore stored, JdbcAccountStore accounts,
                                JdbcApiTokens tokens) {
        this.provisioner = provisioner;
        this.stored = stored;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public List<WebAccount> list() {
        return stored.loadOperatorAccounts();
    }

    @Override
    public Optional<WebAccount> find(AccountName name) {
        return accounts.find(name);
    }

    @Override
    public void put(WebAccount account) {
        try {
            provisioner.putOperatorAccount(account);
        } catch (ProvisioningConflictException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    @Override
    public boolean remove(AccountName name) {
        boolean removed;
        try {
            removed = provisioner.removeOperatorAccount(name);
        } catch (ProvisioningConflictException e) {
            throw ApiException.conflict(e.getMessage());
        }
        if (removed) {
            tokens.revokeAll(name);
        }
        return removed;
    }
}
