package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Table {@code web_accounts} (S17): logins with salted password hashes, never passwords. */
final class WebAccountTable {
    private WebAccountTable() {
    }

    /** Writes the accounts with the hashes already decided for them ({@link PasswordHashes}). */
    static void upsert(Connection c, List<WebAccount> accounts, Map<AccountName, PasswordHash> hashes)
            throws SQLException {
        for (WebAccount a : accounts) {
            Jdbc.upsert(c, "web_accounts", row("name", a.name().value()), row(
                    "tenant_id", Jdbc.text(a.tenant()), "role", a.role(),
                    "password_hash", hashes.get(a.name()).encoded(), "user_id", Jdbc.text(a.user())));
        }
    }

    /** Removes the tenant's accounts that are not in {@code keep}. */
    static void deleteOthers(Connection c, TenantId tenant, List<WebAccount> keep) throws SQLException {
        Jdbc.deleteOthers(c, "web_accounts", tenant.value(), "name", keep.stream().map(a -> a.name().value()).toList());
    }

    /** The stored hashes of the named accounts that exist. */
    static Map<AccountName, PasswordHash> storedHashes(Connection c, List<AccountName> names) throws SQLException {
        Map<AccountName, PasswordHash> hashes = new java.util.HashMap<>();
        for (AccountName name : names) {
            Jdbc.query(c, "SELECT password_hash FROM web_accounts WHERE name = ?",
                    rs -> new PasswordHash(rs.getString(1)), name.value()).forEach(h -> hashes.put(name, h));
        }
        return hashes;
    }

    /** The tenant that owns the account name, or empty for an operator account; absent if unknown. */
    static Optional<Optional<TenantId>> ownerOf(Connection c, AccountName name) throws SQLException {
        return Jdbc.query(c, "SELECT tenant_id FROM web_accounts WHERE name = ?",
                rs -> Jdbc.optionalText(rs, "tenant_id").map(TenantId::of), name.value()).stream().findFirst();
    }

    /**
     * Locks the operator's account rows until the transaction ends, so that two changes of them
     * cannot each leave the other's last system admin (S17); answers how many system admins there are.
     */
    static long lockOperators(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT role FROM web_accounts WHERE tenant_id IS NULL FOR UPDATE",
                rs -> rs.getString(1)).stream().filter(Role.SYSTEM_ADMIN.name()::equals).count();
    }

    static long systemAdmins(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT COUNT(*) FROM web_accounts WHERE tenant_id IS NULL AND role = ?",
                rs -> rs.getLong(1), Role.SYSTEM_ADMIN.name()).getFirst();
    }

    /** Removes an operator account; false if there is none of that name. */
    static boolean deleteOperator(Connection c, AccountName name) throws SQLException {
        return Jdbc.update(c, "DELETE FROM web_accounts WHERE name = ? AND tenant_id IS NULL", name.value()) > 0;
    }

    static List<WebAccount> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM web_accounts ORDER BY name", WebAccountTable::account);
    }

    static Optional<WebAccount> find(Connection c, AccountName name) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM web_accounts WHERE name = ?", WebAccountTable::account, name.value())
                .stream().findFirst();
    }

    private static WebAccount account(java.sql.ResultSet rs) throws SQLException {
        return new WebAccount(AccountName.of(rs.getString("name")),
                Jdbc.optionalText(rs, "tenant_id").map(TenantId::of), Role.valueOf(rs.getString("role")),
                new AccountSecret.Hashed(new PasswordHash(rs.getString("password_hash"))),
                Jdbc.optionalText(rs, "user_id").map(UserId::of));
    }

    static Map<Optional<TenantId>, List<WebAccount>> readByTenant(Connection c) throws SQLException {
        return readAll(c).stream().collect(Collectors.groupingBy(WebAccount::tenant));
    }
}
