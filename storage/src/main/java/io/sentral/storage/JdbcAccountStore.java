package io.sentral.storage;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.WebAccount;
import java.util.Objects;
import java.util.Optional;

/**
 * Web accounts (S17) as stored, with their password hashes: read on every authenticated request,
 * so that a removed account or a changed password takes effect on the next one.
 */
public final class JdbcAccountStore {
    private final Database database;

    public JdbcAccountStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The account with this login name, its secret as the stored hash. */
    public Optional<WebAccount> find(AccountName name) {
        Objects.requireNonNull(name, "name");
        return database.withConnection(c -> WebAccountTable.find(c, name));
    }
}
