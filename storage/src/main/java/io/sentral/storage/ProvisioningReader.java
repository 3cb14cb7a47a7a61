package io.sentral.storage;

import io.sentral.core.account.WebAccount;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Trunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads every customer's provisioning back from the database: each table once, grouped by
 * tenant, within one transaction so that the result is one consistent version.
 */
final class ProvisioningReader {
    private ProvisioningReader() {
    }

    static List<CustomerProvisioning> readAll(Connection c) throws SQLException {
        Map<TenantId, List<Trunk>> trunks = byTenant(TrunkTable.readAll(c), Trunk::tenant);
        Map<TenantId, List<RangeAssignment>> ranges = byTenant(NumberTables.readRanges(c), RangeAssignment::tenant);
        Map<TenantId, List<ExtraNumber>> extras = byTenant(NumberTables.readExtras(c), ExtraNumber::tenant);
        Map<TenantId, List<EmergencyAddressAssignment>> addresses = byTenant(EmergencyAddressTable.readCurrent(c),
                EmergencyAddressAssignment::tenant);
        Map<TenantId, List<User>> users = byTenant(SwitchboardTables.readUsers(c), User::tenant);
        Map<TenantId, List<Queue>> queues = byTenant(SwitchboardTables.readQueues(c), Queue::tenant);
        Map<TenantId, List<VipEntry>> vips = byTenant(SwitchboardTables.readVips(c), VipEntry::tenant);
        Map<TenantId, Set<BarringClass>> barrings = BarringTable.readAll(c).stream().collect(Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        Map<Optional<TenantId>, List<WebAccount>> accounts = WebAccountTable.readByTenant(c);
        Map<TenantId, List<PortedIn>> portedIn = byTenant(PortedInTable.readAll(c), PortedIn::tenant);
        return CustomerTable.readAll(c).stream().map(row -> {
            TenantId t = row.customer().id();
            return new CustomerProvisioning(row.customer(), get(trunks, t), get(ranges, t), get(extras, t),
                    row.mainNumber(), get(addresses, t), get(users, t), get(queues, t), get(vips, t),
                    barrings.getOrDefault(t, Set.of()), accounts.getOrDefault(Optional.of(t), List.of()),
                    row.monthlyCostLimit(), get(portedIn, t));
        }).toList();
    }

    private static <T> Map<TenantId, List<T>> byTenant(List<T> rows, Function<T, TenantId> tenant) {
        return rows.stream().collect(Collectors.groupingBy(tenant));
    }

    private static <T> List<T> get(Map<TenantId, List<T>> map, TenantId tenant) {
        return map.getOrDefault(tenant, List.of());
    }
}
