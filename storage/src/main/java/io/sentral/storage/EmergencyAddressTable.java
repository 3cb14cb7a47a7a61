package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.emergency.EmergencyAddressVersion;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Table {@code emergency_addresses} (T6), append-only: the current assignment of a range is the
 * row without {@code valid_to}. A change ends that row and adds a new one, so the registry keeps
 * where every number was, since when, and who said so.
 */
final class EmergencyAddressTable {
    private static final String COLUMNS = "id, tenant_id, first_number, last_number, street, house_number, postcode,"
            + " town, country, floor_label, room_label, valid_from, valid_to, changed_by, ended_by";

    /** A current row and its id. */
    private record Current(long id, EmergencyAddressAssignment assignment) {
    }

    private EmergencyAddressTable() {
    }

    /** Makes the tenant's current assignments {@code desired}; unchanged ones keep their row. */
    static void sync(Connection c, TenantId tenant, List<EmergencyAddressAssignment> desired, Instant now,
                     String changedBy) throws SQLException {
        Map<NumberRange, Current> current = Jdbc.query(c, "SELECT " + COLUMNS
                        + " FROM emergency_addresses WHERE tenant_id = ? AND valid_to IS NULL",
                        rs -> new Current(rs.getLong("id"), version(rs).assignment()), tenant.value()).stream()
                .collect(Collectors.toMap(row -> row.assignment().range(), Function.identity()));
        Map<NumberRange, EmergencyAddressAssignment> wanted = desired.stream()
                .collect(Collectors.toMap(EmergencyAddressAssignment::range, Function.identity()));
        for (Current row : current.values()) {
            if (!row.assignment().equals(wanted.get(row.assignment().range()))) {
                Jdbc.update(c, "UPDATE emergency_addresses SET valid_to = ?, ended_by = ? WHERE id = ?", now, changedBy,
                        row.id());
            }
        }
        for (EmergencyAddressAssignment a : desired) {
            Current existing = current.get(a.range());
            if (existing == null || !existing.assignment().equals(a)) {
                insert(c, a, now, changedBy);
            }
        }
    }

    /** Ends every current assignment of the tenant (the customer is removed); the history stays. */
    static void endAll(Connection c, TenantId tenant, Instant now, String changedBy) throws SQLException {
        Jdbc.update(c, "UPDATE emergency_addresses SET valid_to = ?, ended_by = ? WHERE tenant_id = ? AND valid_to IS NULL",
                now, changedBy, tenant.value());
    }

    static List<EmergencyAddressAssignment> readCurrent(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emergency_addresses WHERE valid_to IS NULL"
                + " ORDER BY tenant_id, first_number", rs -> version(rs).assignment());
    }

    /** Current assignments whose range contains the number, any tenant. */
    static List<EmergencyAddressAssignment> readCurrentContaining(Connection c, E164Number number) throws SQLException {
        String n = number.value();
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emergency_addresses WHERE valid_to IS NULL"
                        + " AND first_number <= ? AND last_number >= ? AND CHAR_LENGTH(first_number) = ?",
                rs -> version(rs).assignment(), n, n, n.length());
    }

    static List<EmergencyAddressVersion> readHistory(Connection c, TenantId tenant) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM emergency_addresses WHERE tenant_id = ?"
                + " ORDER BY valid_from, id", EmergencyAddressTable::version, tenant.value());
    }

    private static void insert(Connection c, EmergencyAddressAssignment a, Instant now, String changedBy)
            throws SQLException {
        CivicAddress address = a.address();
        Jdbc.insert(c, "emergency_addresses", row(
                "tenant_id", a.tenant().value(),
                "first_number", a.range().first().value(), "last_number", a.range().last().value(),
                "street", address.street(), "house_number", address.houseNumber(), "postcode", address.postcode(),
                "town", address.town(), "country", address.country().name(),
                "floor_label", Jdbc.text(address.floor()), "room_label", Jdbc.text(address.room()),
                "valid_from", now, "changed_by", changedBy));
    }

    private static EmergencyAddressVersion version(ResultSet rs) throws SQLException {
        CivicAddress address = new CivicAddress(rs.getString("street"), rs.getString("house_number"),
                rs.getString("postcode"), rs.getString("town"), Country.valueOf(rs.getString("country")),
                Jdbc.optionalText(rs, "floor_label"), Jdbc.optionalText(rs, "room_label"));
        NumberRange range = new NumberRange(E164Number.of(rs.getString("first_number")),
                E164Number.of(rs.getString("last_number")));
        return new EmergencyAddressVersion(
                new EmergencyAddressAssignment(TenantId.of(rs.getString("tenant_id")), range, address),
                Jdbc.instant(rs, "valid_from"), Jdbc.optionalInstant(rs, "valid_to"), rs.getString("changed_by"),
                Jdbc.optionalText(rs, "ended_by"));
    }
}
