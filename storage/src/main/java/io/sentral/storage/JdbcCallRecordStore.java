package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.CallRecordStore;
import io.sentral.core.call.EndCause;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call records (CDRs, R1) written from call events: {@code Started} inserts the record,
 * {@code Answered} and {@code Ended} complete it. Each event is committed before
 * {@link #onEvent} returns, so a record survives a crash right after; callers run it on their
 * own executor, never on a SIP thread. Repeated events change nothing.
 */
public final class JdbcCallRecordStore implements CallRecordStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCallRecordStore.class);

    /** SQLSTATE of a unique or primary key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public JdbcCallRecordStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void onEvent(CallEvent event) {
        Objects.requireNonNull(event, "event");
        int changed = database.withConnection(c -> switch (event) {
            case CallEvent.Started s -> insertUnlessPresent(c, s);
            case CallEvent.Answered a -> Jdbc.update(c,
                    "UPDATE call_records SET answered_at = ? WHERE call_id = ? AND answered_at IS NULL",
                    a.at(), a.callId());
            case CallEvent.Ended e -> Jdbc.update(c,
                    "UPDATE call_records SET ended_at = ?, status = ?, cause = ? WHERE call_id = ? AND ended_at IS NULL",
                    e.at(), e.status(), e.cause(), e.callId());
            case CallEvent.Transferred t -> {
                Jdbc.insert(c, "call_transfers", row("call_id", t.callId(), "transferred_at", t.at(),
                        "by_party", t.by(), "target", t.target(), "attended", t.attended()));
                yield 1;
            }
        });
        if (changed == 0) {
            LOG.debug("call event {} for {} changed no record (repeated, or no Started)",
                    event.getClass().getSimpleName(), event.callId());
        }
    }

    /** Inserts the record; a repeated Started (same Call-ID) hits the primary key and changes nothing. */
    private static int insertUnlessPresent(Connection c, CallEvent.Started s) throws SQLException {
        try {
            Jdbc.insert(c, "call_records", row("call_id", s.callId(), "direction", s.direction(),
                    "tenant_id", Jdbc.text(s.tenant()), "trunk_id", Jdbc.text(s.trunk()), "caller", s.caller(),
                    "callee", s.callee(), "source", s.source(), "started_at", s.at()));
            return 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        Objects.requireNonNull(callId, "callId");
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM call_records WHERE call_id = ?",
                JdbcCallRecordStore::record, callId)).stream().findFirst();
    }

    @Override
    public List<CallRecord> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT * FROM call_records ORDER BY started_at DESC, call_id DESC FETCH FIRST ? ROWS ONLY",
                JdbcCallRecordStore::record, limit));
    }

    @Override
    public List<CallEvent.Transferred> transfersOf(String callId) {
        Objects.requireNonNull(callId, "callId");
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT * FROM call_transfers WHERE call_id = ? ORDER BY transferred_at",
                rs -> new CallEvent.Transferred(rs.getString("call_id"), Jdbc.instant(rs, "transferred_at"),
                        rs.getString("by_party"), rs.getString("target"), rs.getBoolean("attended")), callId));
    }

    /**
     * The call records of calls started in [from, to), oldest first: of {@code tenant}, or of
     * every customer when empty (R1: CDR export).
     */
    public List<CallRecord> between(Optional<TenantId> tenant, Instant from, Instant to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String where = tenant.isPresent() ? " AND tenant_id = ?" : "";
        Object[] params = tenant.isPresent() ? new Object[] {from, to, tenant.get().value()} : new Object[] {from, to};
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM call_records WHERE started_at >= ?"
                + " AND started_at < ?" + where + " ORDER BY started_at, call_id", JdbcCallRecordStore::record, params));
    }

    /**
     * The Call-IDs of the calls started in [from, to) that were transferred at least once (S8), of
     * every customer: the CDR export rates them as forwarded/transferred (R1).
     */
    public Set<String> transferredBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return Set.copyOf(database.withConnection(c -> Jdbc.query(c, "SELECT DISTINCT t.call_id FROM"
                + " call_transfers t JOIN call_records r ON r.call_id = t.call_id WHERE r.started_at >= ?"
                + " AND r.started_at < ?", rs -> rs.getString(1), from, to)));
    }

    private static CallRecord record(ResultSet rs) throws SQLException {
        int status = rs.getInt("status");
        Optional<Integer> optionalStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
        return new CallRecord(rs.getString("call_id"), CallDirection.valueOf(rs.getString("direction")),
                Jdbc.optionalText(rs, "tenant_id").map(TenantId::of), Jdbc.optionalText(rs, "trunk_id").map(TrunkId::of),
                rs.getString("caller"), rs.getString("callee"), rs.getString("source"), Jdbc.instant(rs, "started_at"),
                Jdbc.optionalInstant(rs, "answered_at"), Jdbc.optionalInstant(rs, "ended_at"), optionalStatus,
                Jdbc.optionalText(rs, "cause").map(EndCause::valueOf));
    }
}
