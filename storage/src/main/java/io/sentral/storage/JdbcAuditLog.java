package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.account.AuditLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The audit log (S17) in table {@code audit_log}: written in its own transaction, never changed. */
public final class JdbcAuditLog implements AuditLog {
    private static final int MAX_ACTION = 512;

    private final Database database;

    public JdbcAuditLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void record(Entry entry) {
        String action = entry.action().length() > MAX_ACTION ? entry.action().substring(0, MAX_ACTION) : entry.action();
        database.inTransaction(c -> {
            Jdbc.insert(c, "audit_log", row("at", entry.at(), "account", entry.account(),
                    "tenant_id", Jdbc.text(entry.tenant()), "source", entry.source(), "action", action,
                    "status", entry.status()));
            return null;
        });
    }

    @Override
    public List<Entry> recent(Optional<String> tenant, int limit) {
        String where = tenant.isPresent() ? " WHERE tenant_id = ?" : "";
        Object[] params = tenant.isPresent() ? new Object[] {tenant.get(), limit} : new Object[] {limit};
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM audit_log" + where
                + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", rs -> new Entry(Jdbc.instant(rs, "at"),
                rs.getString("account"), Jdbc.optionalText(rs, "tenant_id"), rs.getString("source"),
                rs.getString("action"), rs.getInt("status")), params));
    }
}
