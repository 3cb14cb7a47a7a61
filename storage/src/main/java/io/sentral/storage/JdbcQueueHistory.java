package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.switchboard.QueueCallEntry;
import io.sentral.core.switchboard.QueueHistory;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The queue history (S12, S13, S18) in table {@code queue_calls}: a row when a caller joins a
 * queue, completed as the queue decides. A caller who overflows has a row in each queue.
 * Writes come from one writer thread behind the switchboard lane.
 */
public final class JdbcQueueHistory implements QueueHistory {
    /** Follow-up states of a missed call. */
    public static final List<String> FOLLOW_UPS = List.of("unanswered", "callback-attempted", "handled");

    private static final String SELECT = "SELECT q.*, r.caller, (SELECT t.target FROM call_transfers t"
            + " WHERE t.call_id = q.call_id AND t.transferred_at >= q.joined_at ORDER BY t.transferred_at LIMIT 1)"
            + " AS transferred_to FROM queue_calls q LEFT JOIN call_records r ON r.call_id = q.call_id";

    private final Database database;

    public JdbcQueueHistory(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    public void joined(String callId, TenantId tenant, QueueName queue, Instant at, boolean vip,
                       Optional<QueueName> overflowedFrom) {
        database.inTransaction(c -> {
            Jdbc.insert(c, "queue_calls", row("call_id", callId, "tenant_id", tenant.value(), "queue", queue.value(),
                    "joined_at", at, "vip", vip, "overflowed_from", Jdbc.text(overflowedFrom)));
            return null;
        });
    }

    public void answered(String callId, QueueName queue, Instant at, UserId agent, Duration waited) {
        finish(callId, queue, "answered", at, waited, Optional.of(agent.value()), Optional.empty());
    }

    /** The caller left the queue without an agent: abandoned, overflowed (to where), timeout, rejected. */
    public void left(String callId, QueueName queue, String outcome, Instant at, Optional<Duration> waited,
                     Optional<String> overflowTarget) {
        finish(callId, queue, outcome, at, waited.orElse(null), Optional.empty(), overflowTarget);
        if (!outcome.equals("overflowed")) {
            database.inTransaction(c -> Jdbc.update(c, "UPDATE queue_calls SET follow_up = 'unanswered'"
                    + " WHERE call_id = ? AND queue = ? AND follow_up IS NULL", callId, queue.value()));
        }
    }

    public void talked(String callId, QueueName queue, Duration talked) {
        database.inTransaction(c -> Jdbc.update(c, "UPDATE queue_calls SET talked_ms = ? WHERE id = (SELECT MAX(id)"
                + " FROM queue_calls WHERE call_id = ? AND queue = ?)", talked.toMillis(), callId, queue.value()));
    }

    private void finish(String callId, QueueName queue, String outcome, Instant at, Duration waited,
                        Optional<String> agent, Optional<String> overflowTarget) {
        database.inTransaction(c -> Jdbc.update(c, "UPDATE queue_calls SET outcome = ?, outcome_at = ?, waited_ms = ?,"
                        + " agent = ?, overflow_target = ? WHERE id = (SELECT MAX(id) FROM queue_calls WHERE call_id = ?"
                        + " AND queue = ? AND outcome IS NULL)", outcome, at,
                waited == null ? Jdbc.NULL_INTEGER : waited.toMillis(), Jdbc.text(agent), Jdbc.text(overflowTarget),
                callId, queue.value()));
    }

    @Override
    public List<QueueCallEntry> calls(TenantId tenant, QueueName queue, Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.query(c, SELECT + " WHERE q.tenant_id = ? AND q.queue = ?"
                        + " AND q.joined_at >= ? AND q.joined_at < ? ORDER BY q.joined_at, q.id", JdbcQueueHistory::entry,
                tenant.value(), queue.value(), from, to));
    }

    @Override
    public List<QueueCallEntry> missed(TenantId tenant, Instant from, Instant to) {
        return database.withConnection(c -> Jdbc.query(c, SELECT + " WHERE q.tenant_id = ? AND q.follow_up IS NOT NULL"
                        + " AND q.joined_at >= ? AND q.joined_at < ? ORDER BY q.joined_at DESC, q.id DESC",
                JdbcQueueHistory::entry, tenant.value(), from, to));
    }

    @Override
    public boolean followUp(TenantId tenant, long id, String state, String by, Instant at) {
        if (!FOLLOW_UPS.contains(state)) {
            throw new IllegalArgumentException("unknown follow-up '" + state + "' (expected one of: "
                    + String.join(", ", FOLLOW_UPS) + ")");
        }
        return database.inTransaction(c -> Jdbc.update(c, "UPDATE queue_calls SET follow_up = ?, follow_up_by = ?,"
                + " follow_up_at = ? WHERE id = ? AND tenant_id = ? AND follow_up IS NOT NULL", state, by, at, id,
                tenant.value())) > 0;
    }

    /** The call was offered to these agents (S13: distributed calls). */
    public void offered(String callId, TenantId tenant, QueueName queue, java.util.List<UserId> agents, Instant at) {
        database.inTransaction(c -> {
            for (UserId agent : agents) {
                Jdbc.insert(c, "queue_offers", row("call_id", callId, "tenant_id", tenant.value(),
                        "queue", queue.value(), "agent", agent.value(), "offered_at", at, "missed", false));
            }
            return null;
        });
    }

    /** The agent did not take the call offered to them. */
    public void missedBy(String callId, QueueName queue, UserId agent) {
        database.inTransaction(c -> Jdbc.update(c, "UPDATE queue_offers SET missed = TRUE WHERE id = (SELECT MAX(id)"
                + " FROM queue_offers WHERE call_id = ? AND queue = ? AND agent = ?)", callId, queue.value(),
                agent.value()));
    }

    @Override
    public List<io.sentral.core.switchboard.AgentStatistics> agentStatistics(TenantId tenant, List<UserId> users,
                                                                            Instant from, Instant to) {
        return database.withConnection(c -> {
            java.util.Map<String, Long> offered = counts(c, "SELECT agent, COUNT(*) FROM queue_offers WHERE tenant_id = ?"
                    + " AND offered_at >= ? AND offered_at < ? GROUP BY agent", tenant, from, to);
            java.util.Map<String, Long> answered = counts(c, "SELECT agent, COUNT(*) FROM queue_calls WHERE tenant_id = ?"
                    + " AND outcome = 'answered' AND joined_at >= ? AND joined_at < ? GROUP BY agent", tenant, from, to);
            java.util.Map<String, Long> talk = counts(c, "SELECT agent, SUM(talked_ms) FROM queue_calls WHERE tenant_id = ?"
                    + " AND outcome = 'answered' AND talked_ms IS NOT NULL AND joined_at >= ? AND joined_at < ?"
                    + " GROUP BY agent", tenant, from, to);
            java.util.Map<String, Long> talked = counts(c, "SELECT agent, COUNT(*) FROM queue_calls WHERE tenant_id = ?"
                    + " AND outcome = 'answered' AND talked_ms IS NOT NULL AND joined_at >= ? AND joined_at < ?"
                    + " GROUP BY agent", tenant, from, to);
            java.util.Map<String, Long> transferred = counts(c, "SELECT t.by_party, COUNT(*) FROM call_transfers t"
                    + " JOIN call_records r ON r.call_id = t.call_id WHERE r.tenant_id = ? AND t.transferred_at >= ?"
                    + " AND t.transferred_at < ? GROUP BY t.by_party", tenant, from, to);
            java.util.Map<String, Long> outgoing = counts(c, "SELECT user_id, COUNT(*) FROM user_calls WHERE tenant_id = ?"
                    + " AND direction = 'out' AND started_at >= ? AND started_at < ? GROUP BY user_id", tenant, from, to);
            return users.stream().map(u -> {
                String id = u.value();
                long n = talked.getOrDefault(id, 0L);
                return new io.sentral.core.switchboard.AgentStatistics(u, offered.getOrDefault(id, 0L),
                        answered.getOrDefault(id, 0L), n == 0 ? Duration.ZERO
                        : Duration.ofMillis(talk.getOrDefault(id, 0L) / n), transferred.getOrDefault(id, 0L),
                        outgoing.getOrDefault(id, 0L));
            }).toList();
        });
    }

    private static java.util.Map<String, Long> counts(java.sql.Connection c, String sql, TenantId tenant, Instant from,
                                                       Instant to) throws SQLException {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (Object[] row : Jdbc.query(c, sql, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, tenant.value(),
                from, to)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The agent who answered the call in a queue, if one did (the last one, after transfers back). */
    public java.util.Optional<UserId> answeredBy(String callId) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT agent FROM queue_calls WHERE call_id = ?"
                + " AND outcome = 'answered' ORDER BY id DESC", rs -> UserId.of(rs.getString(1)), callId))
                .stream().findFirst();
    }

    /** The queue the call was answered in, if it was. */
    public java.util.Optional<QueueName> answeredIn(String callId) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT queue FROM queue_calls WHERE call_id = ?"
                + " AND outcome = 'answered' ORDER BY id DESC", rs -> QueueName.of(rs.getString(1)), callId))
                .stream().findFirst();
    }

    /**
     * A user called a number back (S18): the customer's missed calls from that number since
     * {@code since} that are not handled yet become {@code handled} when the callback was answered,
     * else {@code callback-attempted}, by {@code user}. Numbers match on their last eight digits, so
     * that a national callback finds an E.164 caller. Answers the queues of the missed calls it
     * marked (none: the call was no callback).
     */
    public List<QueueName> calledBack(TenantId tenant, String number, String user, boolean answered, Instant at,
                                      Instant since) {
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return List.of();
        }
        String tail = "%" + digits.substring(digits.length() - 8);
        String missed = " WHERE tenant_id = ? AND follow_up IN ('unanswered', 'callback-attempted') AND joined_at >= ?"
                + " AND call_id IN (SELECT call_id FROM call_records WHERE caller LIKE ?)";
        return database.inTransaction(c -> {
            List<QueueName> queues = Jdbc.query(c, "SELECT DISTINCT queue FROM queue_calls" + missed + " ORDER BY queue",
                    rs -> QueueName.of(rs.getString(1)), tenant.value(), since, tail);
            Jdbc.update(c, "UPDATE queue_calls SET follow_up = ?, follow_up_by = ?, follow_up_at = ?" + missed,
                    answered ? "handled" : "callback-attempted", user, at, tenant.value(), since, tail);
            return queues;
        });
    }

    /** Retention: removes the customer's queue history of calls that joined before {@code cutoff}. */
    public int deleteBefore(TenantId tenant, Instant cutoff) {
        return database.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM queue_offers WHERE tenant_id = ? AND offered_at < ?", tenant.value(), cutoff);
            return Jdbc.update(c, "DELETE FROM queue_calls WHERE tenant_id = ? AND joined_at < ?", tenant.value(),
                    cutoff);
        });
    }

    private static QueueCallEntry entry(ResultSet rs) throws SQLException {
        long waited = rs.getLong("waited_ms");
        boolean hasWaited = !rs.wasNull();
        long talked = rs.getLong("talked_ms");
        boolean hasTalked = !rs.wasNull();
        return new QueueCallEntry(rs.getLong("id"), rs.getString("call_id"), TenantId.of(rs.getString("tenant_id")),
                QueueName.of(rs.getString("queue")), Jdbc.optionalText(rs, "caller"), Jdbc.instant(rs, "joined_at"),
                rs.getBoolean("vip"), Jdbc.optionalText(rs, "overflowed_from").map(QueueName::of),
                Jdbc.optionalText(rs, "outcome"), Jdbc.optionalText(rs, "agent").map(UserId::of),
                hasWaited ? Optional.of(Duration.ofMillis(waited)) : Optional.empty(),
                Jdbc.optionalText(rs, "overflow_target"),
                hasTalked ? Optional.of(Duration.ofMillis(talked)) : Optional.empty(),
                Jdbc.optionalText(rs, "follow_up"), Jdbc.optionalText(rs, "follow_up_by"),
                Jdbc.optionalInstant(rs, "follow_up_at"), Jdbc.optionalText(rs, "transferred_to"));
    }
}
