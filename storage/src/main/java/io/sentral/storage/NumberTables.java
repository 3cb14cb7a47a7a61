package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Tables {@code number_ranges} (T3) and {@code extra_numbers} (T5): what numbers a customer owns. */
final class NumberTables {
    private NumberTables() {
    }

    /** Removes the tenant's ranges and extra numbers; done before trunks change, since ranges point at trunks. */
    static void clear(Connection c, TenantId tenant) throws SQLException {
        Jdbc.update(c, "DELETE FROM number_ranges WHERE tenant_id = ?", tenant.value());
        Jdbc.update(c, "DELETE FROM extra_numbers WHERE tenant_id = ?", tenant.value());
    }

    static void insert(Connection c, List<RangeAssignment> ranges, List<ExtraNumber> extras) throws SQLException {
        for (RangeAssignment r : ranges) {
            Jdbc.insert(c, "number_ranges", row("first_number", r.range().first().value(),
                    "last_number", r.range().last().value(), "tenant_id", r.tenant().value(),
                    "trunk_id", Jdbc.text(r.trunk())));
        }
        for (ExtraNumber e : extras) {
            Jdbc.insert(c, "extra_numbers", row("phone_number", e.number().value(), "tenant_id", e.tenant().value(),
                    "description", e.description()));
        }
    }

    static List<RangeAssignment> readRanges(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM number_ranges ORDER BY first_number", rs -> new RangeAssignment(
                TenantId.of(rs.getString("tenant_id")),
                new NumberRange(E164Number.of(rs.getString("first_number")), E164Number.of(rs.getString("last_number"))),
                Jdbc.optionalText(rs, "trunk_id").map(TrunkId::of)));
    }

    static List<ExtraNumber> readExtras(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM extra_numbers ORDER BY phone_number", rs -> new ExtraNumber(
                TenantId.of(rs.getString("tenant_id")), E164Number.of(rs.getString("phone_number")),
                rs.getString("description")));
    }
}
