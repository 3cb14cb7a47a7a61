package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Table {@code barrings} (T8): the call classes a customer has barred. */
final class BarringTable {
    private BarringTable() {
    }

    static void replace(Connection c, TenantId tenant, Set<BarringClass> barrings) throws SQLException {
        Jdbc.update(c, "DELETE FROM barrings WHERE tenant_id = ?", tenant.value());
        for (BarringClass b : barrings) {
            Jdbc.insert(c, "barrings", row("tenant_id", tenant.value(), "barring_class", b));
        }
    }

    static List<Map.Entry<TenantId, BarringClass>> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT tenant_id, barring_class FROM barrings ORDER BY tenant_id, barring_class",
                rs -> Map.entry(TenantId.of(rs.getString(1)), BarringClass.valueOf(rs.getString(2))));
    }
}
