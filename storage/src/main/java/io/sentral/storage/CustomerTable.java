package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Table {@code customers}: the customer record and its switchboard main number. */
final class CustomerTable {
    /** A customer row as read. */
    record CustomerRow(Customer customer, Optional<E164Number> mainNumber) {
    }

    private CustomerTable() {
    }

    static void upsert(Connection c, CustomerProvisioning p) throws SQLException {
        Customer customer = p.customer();
        Jdbc.upsert(c, "customers", row("id", customer.id().value()), row(
                "name", customer.name(),
                "country", customer.country().name(),
                "main_number", Jdbc.text(p.mainNumber())));
    }

    static List<CustomerRow> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id, name, country, main_number FROM customers ORDER BY id", rs -> new CustomerRow(
                new Customer(TenantId.of(rs.getString("id")), rs.getString("name"), Country.valueOf(rs.getString("country"))),
                Jdbc.optionalText(rs, "main_number").map(E164Number::of)));
    }

    static boolean exists(Connection c, TenantId tenant) throws SQLException {
        return !Jdbc.query(c, "SELECT id FROM customers WHERE id = ?", rs -> rs.getString(1), tenant.value()).isEmpty();
    }
}
