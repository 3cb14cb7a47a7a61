package io.sentral.storage;

import io.sentral.core.account.WebAccount;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Trunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks a customer's provisioning against what other customers already hold in the database:
 * numbers (T3, T9: a number has one owner, whether in a range, as an extra number or ported in),
 * trunk ids, SIP usernames (one digest realm) and web account names. {@link CustomerProvisioning}
 * checks the customer's own consistency.
 */
final class ConflictCheck {
    private ConflictCheck() {
    }

    static void check(Connection c, CustomerProvisioning p) throws SQLException {
        String tenant = p.tenant().value();
        List<RangeAssignment> others = NumberTables.readRanges(c).stream()
                .filter(r -> !r.tenant().equals(p.tenant())).toList();
        List<ExtraNumber> otherExtras = NumberTables.readExtras(c).stream()
                .filter(e -> !e.tenant().equals(p.tenant())).toList();
        List<PortedIn> otherPortedIn = PortedInTable.readAll(c).stream()
                .filter(i -> !i.tenant().equals(p.tenant())).toList();
        checkPortedIn(p, others, otherExtras, otherPortedIn);
        for (NumberRange mine : p.numbers()) {
            otherPortedIn.stream().filter(i -> mine.contains(i.number())).findFirst().ifPresent(i -> conflict(p,
                    "range " + mine + " contains " + i.number() + ", ported in to customer " + i.tenant()));
            others.stream().filter(o -> o.range().overlaps(mine)).findFirst().ifPresent(o -> conflict(p,
                    "range " + mine + " overlaps " + o.range() + " of customer " + o.tenant()));
            otherExtras.stream().filter(e -> mine.contains(e.number())).findFirst().ifPresent(e -> conflict(p,
                    "range " + mine + " contains " + e.number() + ", an extra number of customer " + e.tenant()));
        }
        for (ExtraNumber mine : p.extraNumbers()) {
            E164Number n = mine.number();
            otherPortedIn.stream().filter(i -> i.number().equals(n)).findFirst().ifPresent(i -> conflict(p,
                    "extra number " + n + " is ported in to customer " + i.tenant()));
            others.stream().filter(o -> o.range().contains(n)).findFirst().ifPresent(o -> conflict(p,
                    "extra number " + n + " is in the range " + o.range() + " of customer " + o.tenant()));
            otherExtras.stream().filter(e -> e.number().equals(n)).findFirst().ifPresent(e -> conflict(p,
                    "extra number " + n + " belongs to customer " + e.tenant()));
        }
        for (Trunk t : p.trunks()) {
            owner(c, "SELECT tenant_id FROM trunks WHERE id = ?", t.id().value(), tenant)
                    .ifPresent(o -> conflict(p, "trunk id " + t.id() + " is used by customer " + o));
        }
        List<String> usernames = Stream.concat(
                p.trunks().stream().flatMap(t -> t.credentials().stream()).map(cr -> cr.username()),
                p.users().stream().map(u -> u.id().value())).toList();
        for (String username : usernames) {
            Optional<String> owner = owner(c, "SELECT tenant_id FROM trunks WHERE username = ?", username, tenant);
            if (owner.isEmpty()) {
                owner = owner(c, "SELECT tenant_id FROM users WHERE id = ?", username, tenant);
            }
            owner.ifPresent(o -> conflict(p, "SIP username " + username + " is used by customer " + o));
        }
        for (WebAccount a : p.webAccounts()) {
            Optional<Optional<TenantId>> owner = WebAccountTable.ownerOf(c, a.name());
            if (owner.isPresent() && !owner.get().equals(Optional.of(p.tenant()))) {
                conflict(p, "account name " + a.name() + " is used by "
                        + owner.get().map(o -> "customer " + o).orElse("the operator"));
            }
        }
    }

    private static void checkPortedIn(CustomerProvisioning p, List<RangeAssignment> others,
                                      List<ExtraNumber> otherExtras, List<PortedIn> otherPortedIn) {
        for (PortedIn mine : p.portedIn()) {
            E164Number n = mine.number();
            others.stream().filter(o -> o.range().contains(n)).findFirst().ifPresent(o -> conflict(p,
                    "ported-in number " + n + " is in the range " + o.range() + " of customer " + o.tenant()));
            otherExtras.stream().filter(e -> e.number().equals(n)).findFirst().ifPresent(e -> conflict(p,
                    "ported-in number " + n + " is an extra number of customer " + e.tenant()));
            otherPortedIn.stream().filter(i -> i.number().equals(n)).findFirst().ifPresent(i -> conflict(p,
                    "ported-in number " + n + " is ported in to customer " + i.tenant()));
        }
    }

    private static Optional<String> owner(Connection c, String sql, String key, String tenant) throws SQLException {
        return Jdbc.query(c, sql, rs -> rs.getString(1), key).stream().filter(o -> !o.equals(tenant)).findFirst();
    }

    private static void conflict(CustomerProvisioning p, String problem) {
        throw new ProvisioningConflictException("customer " + p.tenant() + ": " + problem);
    }
}
