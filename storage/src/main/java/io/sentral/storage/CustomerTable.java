package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Table {@code customers}: the customer record, its switchboard main number and monthly cost limit. */
final class CustomerTable {
    /** Column {@code monthly_cost_limit} is NUMERIC(14, 2). */
    private static final int LIMIT_SCALE = 2;
    private static final int LIMIT_WHOLE_DIGITS = 12;

    /** A customer row as read. */
    record CustomerRow(Customer customer, Optional<E164Number> mainNumber, Optional<BigDecimal> monthlyCostLimit) {
    }

    private CustomerTable() {
    }

    static void upsert(Connection c, CustomerProvisioning p) throws SQLException {
        Customer customer = p.customer();
        Jdbc.upsert(c, "customers", row("id", customer.id().value()), row(
                "name", customer.name(),
                "country", customer.country().name(),
                "queue_history_days", customer.queueHistoryDays(),
                "main_number", Jdbc.text(p.mainNumber()),
                "monthly_cost_limit", p.monthlyCostLimit().<Object>map(CustomerTable::storableLimit)
                        .orElse(Jdbc.NULL_DECIMAL)));
    }

    /**
     * The limit as the column keeps it, two decimals; refused rather than rounded if it does not
     * fit, so that what is read back is what was provisioned.
     */
    static BigDecimal storableLimit(BigDecimal limit) {
        if (limit.stripTrailingZeros().scale() > LIMIT_SCALE) {
            throw new IllegalArgumentException("monthly cost limit " + limit.toPlainString()
                    + " has more than " + LIMIT_SCALE + " decimals");
        }
        BigDecimal stored = limit.setScale(LIMIT_SCALE, RoundingMode.UNNECESSARY);
        if (stored.precision() - stored.scale() > LIMIT_WHOLE_DIGITS) {
            throw new IllegalArgumentException("monthly cost limit " + limit.toPlainString() + " is too large (at most "
                    + LIMIT_WHOLE_DIGITS + " digits before the decimal point)");
        }
        return stored;
    }

    static List<CustomerRow> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id, name, country, queue_history_days, main_number, monthly_cost_limit"
                        + " FROM customers ORDER BY id",
                rs -> new CustomerRow(new Customer(TenantId.of(rs.getString("id")), rs.getString("name"),
                        Country.valueOf(rs.getString("country")), rs.getInt("queue_history_days")),
                        Jdbc.optionalText(rs, "main_number").map(E164Number::of),
                        Optional.ofNullable(rs.getBigDecimal("monthly_cost_limit"))
                                .map(l -> l.setScale(LIMIT_SCALE, RoundingMode.UNNECESSARY))));
    }

    static boolean exists(Connection c, TenantId tenant) throws SQLException {
        return !Jdbc.query(c, "SELECT id FROM customers WHERE id = ?", rs -> rs.getString(1), tenant.value()).isEmpty();
    }
}
