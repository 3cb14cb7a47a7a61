package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Table {@code ported_in_numbers} (T9): numbers ported in to a customer, with the trunk that
 * receives them and the porting time. Synced in two halves around the trunks, because rows point
 * at trunks: {@link #removeChanged} before the trunks change, {@link #insertMissing} after. A row
 * that does not change is not touched, so it keeps who set it and when.
 */
final class PortedInTable {
    private static final String COLUMNS = "phone_number, tenant_id, trunk_id, ported_from";

    private PortedInTable() {
    }

    /** The porting time as the database keeps it (microseconds), so that unchanged rows compare equal. */
    static PortedIn storable(PortedIn p) {
        return new PortedIn(p.tenant(), p.number(), p.trunk(), Jdbc.storable(p.from()));
    }

    /** Deletes the tenant's rows that are not exactly in {@code desired}. */
    static void removeChanged(Connection c, TenantId tenant, List<PortedIn> desired) throws SQLException {
        Set<PortedIn> keep = new HashSet<>(desired.stream().map(PortedInTable::storable).toList());
        for (PortedIn current : read(c, tenant)) {
            if (!keep.contains(current)) {
                Jdbc.update(c, "DELETE FROM ported_in_numbers WHERE phone_number = ?", current.number().value());
            }
        }
    }

    /** Inserts the rows of {@code desired} that are not stored yet; run after {@link #removeChanged}. */
    static void insertMissing(Connection c, TenantId tenant, List<PortedIn> desired, Instant now, String changedBy)
            throws SQLException {
        Set<PortedIn> stored = new HashSet<>(read(c, tenant));
        for (PortedIn p : desired.stream().map(PortedInTable::storable).toList()) {
            if (!stored.contains(p)) {
                Jdbc.insert(c, "ported_in_numbers", row("phone_number", p.number().value(),
                        "tenant_id", p.tenant().value(), "trunk_id", Jdbc.text(p.trunk()), "ported_from", p.from(),
                        "changed_by", changedBy, "changed_at", now));
            }
        }
    }

    static void deleteAll(Connection c, TenantId tenant) throws SQLException {
        Jdbc.update(c, "DELETE FROM ported_in_numbers WHERE tenant_id = ?", tenant.value());
    }

    static List<PortedIn> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM ported_in_numbers ORDER BY phone_number",
                PortedInTable::portedIn);
    }

    private static List<PortedIn> read(Connection c, TenantId tenant) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM ported_in_numbers WHERE tenant_id = ?",
                PortedInTable::portedIn, tenant.value());
    }

    private static PortedIn portedIn(java.sql.ResultSet rs) throws SQLException {
        return new PortedIn(TenantId.of(rs.getString("tenant_id")), E164Number.of(rs.getString("phone_number")),
                Jdbc.optionalText(rs, "trunk_id").map(TrunkId::of), Jdbc.instant(rs, "ported_from"));
    }
}
