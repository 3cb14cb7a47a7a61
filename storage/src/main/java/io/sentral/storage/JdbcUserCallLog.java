package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserCallEntry;
import io.sentral.core.switchboard.UserCallLog;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The users' call logs (S12) in table {@code user_calls}; deleted after 30 days by the retention job. */
public final class JdbcUserCallLog implements UserCallLog {
    private final Database database;

    public JdbcUserCallLog(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void add(UserCallEntry e) {
        database.inTransaction(c -> {
            Jdbc.insert(c, "user_calls", row("tenant_id", e.tenant().value(), "user_id", e.user().value(),
                    "call_id", e.callId(), "direction", e.incoming() ? "in" : "out", "other_party", e.otherParty(),
                    "started_at", e.started(), "answered", e.answered(), "talked_ms", e.talked().toMillis(),
                    "queue", Jdbc.text(e.queue().map(QueueName::value))));
            return null;
        });
    }

    @Override
    public List<UserCallEntry> of(TenantId tenant, UserId user, Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM user_calls WHERE tenant_id = ? AND user_id = ?"
                        + " AND started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC",
                rs -> new UserCallEntry(TenantId.of(rs.getString("tenant_id")), UserId.of(rs.getString("user_id")),
                        rs.getString("call_id"), rs.getString("direction").equals("in"), rs.getString("other_party"),
                        Jdbc.instant(rs, "started_at"), rs.getBoolean("answered"),
                        Duration.ofMillis(rs.getLong("talked_ms")),
                        Jdbc.optionalText(rs, "queue").map(QueueName::of)),
                tenant.value(), user.value(), from, to));
    }

    /** Retention: every user's entries of calls started before {@code cutoff}. */
    public int deleteBefore(Instant cutoff) {
        return database.inTransaction(c -> Jdbc.update(c, "DELETE FROM user_calls WHERE started_at < ?", cutoff));
    }
}
