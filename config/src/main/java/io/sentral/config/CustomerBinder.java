package io.sentral.config;

import io.sentral.core.account.WebAccount;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code customers[]} into {@link CustomerProvisioning}s: the customer record, its numbers,
 * trunks, switchboard, emergency addresses, VIP list, barrings and web accounts. Identifiers that
 * must be unique across customers (customer, trunk, SIP username, account) and number ranges are
 * checked across the whole file.
 */
final class CustomerBinder {
    private static final Set<String> KEYS = Set.of("id", "name", "country", "numbers", "extraNumbers", "mainNumber",
            "trunks", "emergencyAddresses", "users", "queues", "vipList", "barring", "webAccounts");

    private final String realm;
    private final Uniques globalIds;
    private final List<CustomerNumbers.Declared> allRanges = new ArrayList<>();

    /** @param realm the SIP domain, realm of every digest credential */
    CustomerBinder(String realm, Uniques globalIds) {
        this.realm = realm;
        this.globalIds = globalIds;
    }

    List<CustomerProvisioning> bind(List<YamlNode> items) {
        return items.stream().map(this::bind).toList();
    }

    private CustomerProvisioning bind(YamlNode item) {
        YamlNode c = item.object(KEYS);
        YamlNode idNode = c.required("id");
        TenantId tenant = idNode.parse(TenantId::of);
        globalIds.claim("customer id", tenant, idNode);
        Customer customer = new Customer(tenant, c.required("name").nonBlankText(),
                GatewayBinder.country(c.required("country")));
        CustomerNumbers numbers = CustomerNumbers.bind(c, tenant, allRanges);

        List<TrunkBinder.BoundTrunk> trunks = new TrunkBinder(tenant, realm, globalIds)
                .bind(c.elements("trunks"), numbers);
        SwitchboardBinder switchboard = new SwitchboardBinder(tenant, realm, globalIds, numbers, trunks);
        var mainNumber = switchboard.mainNumber(c);
        List<User> users = switchboard.users(c.elements("users"));
        List<Queue> queues = switchboard.queues(c.elements("queues"), users);
        List<EmergencyAddressAssignment> addresses = EmergencyAddressBinder.bind(c.elements("emergencyAddresses"),
                tenant, numbers);
        List<VipEntry> vips = vipList(c, tenant);
        Set<BarringClass> barrings = Set.copyOf(c.elements("barring").stream()
                .map(n -> n.enumValue(BarringClass.class, "barring class")).toList());
        List<WebAccount> accounts = new WebAccountBinder(globalIds)
                .customerAccounts(c.elements("webAccounts"), tenant, users);
        return c.build(() -> new CustomerProvisioning(customer, trunks.stream().map(TrunkBinder.BoundTrunk::trunk).toList(),
                rangeAssignments(tenant, numbers, trunks), numbers.extras(), mainNumber, addresses, users, queues, vips,
                barrings, accounts));
    }

    /** The trunks' ranges assigned to them; the rest of the customer's numbers to no trunk. */
    private static List<RangeAssignment> rangeAssignments(TenantId tenant, CustomerNumbers numbers,
                                                          List<TrunkBinder.BoundTrunk> trunks) {
        List<RangeAssignment> assignments = new ArrayList<>();
        List<NumberRange> onTrunks = new ArrayList<>();
        for (TrunkBinder.BoundTrunk t : trunks) {
            for (NumberRange range : t.ranges()) {
                assignments.add(new RangeAssignment(tenant, range, Optional.of(t.trunk().id())));
                onTrunks.add(range);
            }
        }
        for (NumberRange range : numbers.ranges()) {
            range.minus(onTrunks).forEach(rest -> assignments.add(new RangeAssignment(tenant, rest, Optional.empty())));
        }
        return assignments;
    }

    private static List<VipEntry> vipList(YamlNode customer, TenantId tenant) {
        Uniques seen = new Uniques();
        return customer.elements("vipList").stream().map(item -> {
            CustomerNumbers.NumberEntry entry = CustomerNumbers.NumberEntry.bind(item);
            seen.claim("VIP number", entry.number(), entry.at());
            return new VipEntry(tenant, entry.number(), entry.description());
        }).toList();
    }
}
