package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.switchboard.WhenNoAgent;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tables {@code users} (with the call services of {@link UserServiceColumns}), {@code queues},
 * {@code queue_members} and {@code vip_numbers} (S1-S4, S6, S7, S9).
 */
final class SwitchboardTables {
    private SwitchboardTables() {
    }

    /** Makes the tenant's users, queues (with members) and VIP list exactly the given ones. */
    static void sync(Connection c, TenantId tenant, List<User> users, List<Queue> queues, List<VipEntry> vips)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM queue_members WHERE tenant_id = ?", tenant.value());
        Jdbc.update(c, "DELETE FROM vip_numbers WHERE tenant_id = ?", tenant.value());
        for (User u : users) {
            DigestCredentials cred = u.sipCredentials();
            Map<String, Object> values = row(
                    "tenant_id", tenant.value(), "first_name", u.firstName(), "last_name", u.lastName(),
                    "department", u.department(), "extension", u.extension(), "realm", cred.realm(),
                    "ha1_md5", cred.ha1Md5(), "ha1_sha256", cred.ha1Sha256(),
                    "mobile", Jdbc.text(u.mobile()), "direct_number", Jdbc.text(u.directNumber()));
            values.putAll(UserServiceColumns.of(u));
            Jdbc.upsert(c, "users", row("id", u.id().value()), values);
        }
        Jdbc.deleteOthers(c, "users", tenant.value(), "id", users.stream().map(u -> u.id().value()).toList());
        for (Queue q : queues) {
            Map<String, Object> values = row(
                    "phone_number", q.number().value(), "strategy", q.strategy(),
                    "ring_timeout_ms", q.ringTimeout().toMillis(), "wrap_up_ms", q.wrapUp().toMillis(),
                    "max_wait_ms", q.maxWait().toMillis(), "max_waiting", q.maxWaiting(),
                    "when_no_agent", q.whenNoAgent(), "autopause_after_misses", q.autopauseAfterMisses());
            CallTargetColumns.put(values, "overflow", q.overflow());
            Jdbc.upsert(c, "queues", row("tenant_id", tenant.value(), "name", q.name().value()), values);
            for (int i = 0; i < q.members().size(); i++) {
                Jdbc.insert(c, "queue_members", row("tenant_id", tenant.value(), "queue_name", q.name().value(),
                        "user_id", q.members().get(i).value(), "member_order", i));
            }
        }
        Jdbc.deleteOthers(c, "queues", tenant.value(), "name", queues.stream().map(q -> q.name().value()).toList());
        for (VipEntry v : vips) {
            Jdbc.insert(c, "vip_numbers", row("tenant_id", tenant.value(), "phone_number", v.number().value(),
                    "description", v.description()));
        }
    }

    static List<User> readUsers(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM users ORDER BY id", rs -> {
            UserServiceColumns.Services services = UserServiceColumns.read(rs);
            return new User(TenantId.of(rs.getString("tenant_id")), UserId.of(rs.getString("id")),
                    rs.getString("first_name"), rs.getString("last_name"), rs.getString("department"),
                    rs.getString("extension"), new DigestCredentials(rs.getString("id"), rs.getString("realm"),
                    rs.getString("ha1_md5"), rs.getString("ha1_sha256")),
                    number(rs, "mobile"), number(rs, "direct_number"), services.extraTerminal(),
                    services.forwarding(), services.presentation(), services.calendarFeed());
        });
    }

    static List<Queue> readQueues(Connection c) throws SQLException {
        Map<String, List<UserId>> members = Jdbc.query(c,
                "SELECT tenant_id, queue_name, user_id FROM queue_members ORDER BY tenant_id, queue_name, member_order",
                rs -> Map.entry(rs.getString("tenant_id") + "/" + rs.getString("queue_name"),
                        UserId.of(rs.getString("user_id")))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return Jdbc.query(c, "SELECT * FROM queues ORDER BY tenant_id, name", rs -> new Queue(
                TenantId.of(rs.getString("tenant_id")), QueueName.of(rs.getString("name")),
                E164Number.of(rs.getString("phone_number")),
                members.getOrDefault(rs.getString("tenant_id") + "/" + rs.getString("name"), List.of()),
                QueueStrategy.valueOf(rs.getString("strategy")), Duration.ofMillis(rs.getLong("ring_timeout_ms")),
                Duration.ofMillis(rs.getLong("wrap_up_ms")), Duration.ofMillis(rs.getLong("max_wait_ms")),
                rs.getInt("max_waiting"), CallTargetColumns.read(rs, "overflow"),
                WhenNoAgent.valueOf(rs.getString("when_no_agent")), rs.getInt("autopause_after_misses")));
    }

    static List<VipEntry> readVips(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM vip_numbers ORDER BY tenant_id, phone_number", rs -> new VipEntry(
                TenantId.of(rs.getString("tenant_id")), E164Number.of(rs.getString("phone_number")),
                rs.getString("description")));
    }

    private static Optional<E164Number> number(ResultSet rs, String column) throws SQLException {
        return Jdbc.optionalText(rs, column).map(E164Number::of);
    }
}
