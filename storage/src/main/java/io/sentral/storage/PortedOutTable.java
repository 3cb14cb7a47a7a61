package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedOut;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Table {@code ported_out_numbers} (T9): the operator's numbers ported away, with the recipient's
 * routing prefix and/or gateway. Operator data, not a customer's. {@link #sync} touches only the
 * rows that change, so each keeps who set it and when.
 */
final class PortedOutTable {
    private PortedOutTable() {
    }

    /** Makes the table hold exactly {@code desired}. */
    static void sync(Connection c, List<PortedOut> desired, Instant now, String changedBy) throws SQLException {
        Map<E164Number, PortedOut> current = readAll(c).stream()
                .collect(Collectors.toMap(PortedOut::number, Function.identity()));
        Map<E164Number, PortedOut> wanted = desired.stream()
                .collect(Collectors.toMap(PortedOut::number, Function.identity()));
        for (E164Number number : current.keySet()) {
            if (!wanted.containsKey(number)) {
                Jdbc.update(c, "DELETE FROM ported_out_numbers WHERE phone_number = ?", number.value());
            }
        }
        for (PortedOut p : desired) {
            if (!p.equals(current.get(p.number()))) {
                Jdbc.upsert(c, "ported_out_numbers", row("phone_number", p.number().value()), row(
                        "routing_prefix", Jdbc.text(p.routingPrefix()), "gateway", Jdbc.text(p.gateway()),
                        "changed_by", changedBy, "changed_at", now));
            }
        }
    }

    static List<PortedOut> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT phone_number, routing_prefix, gateway FROM ported_out_numbers"
                + " ORDER BY phone_number", rs -> new PortedOut(E164Number.of(rs.getString("phone_number")),
                Jdbc.optionalText(rs, "routing_prefix"), Jdbc.optionalText(rs, "gateway")));
    }

    /**
     * Fails if a number is both ported in to a customer and ported out: routing could not tell
     * where its calls go. Checked at the end of every transaction that changes either table, so
     * that one file may move a number from one to the other.
     */
    static void requireNotPortedBothWays(Connection c) throws SQLException {
        List<String> both = Jdbc.query(c, "SELECT i.phone_number, i.tenant_id FROM ported_in_numbers i"
                + " JOIN ported_out_numbers o ON o.phone_number = i.phone_number ORDER BY i.phone_number",
                rs -> rs.getString(1) + " (ported in to customer " + rs.getString(2) + ")");
        if (!both.isEmpty()) {
            throw new ProvisioningConflictException("numbers ported in and out at once: " + String.join(", ", both));
        }
    }
}
