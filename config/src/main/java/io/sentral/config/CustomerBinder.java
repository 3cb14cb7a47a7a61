package io.sentral.config;

import io.sentral.core.account.WebAccount;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code customers[]} into {@link CustomerProvisioning}s: the customer record, its numbers,
 * trunks, switchboard, emergency addresses, VIP list, barrings, monthly cost limit, ported-in
 * numbers and web accounts. Identifiers that must be unique across customers (customer, trunk, SIP
 * username, account), number ranges and ported-in numbers are checked across the whole file.
 */
final class CustomerBinder {
    private static final Set<String> KEYS = Set.of("id", "name", "country", "numbers", "extraNumbers", "mainNumber",
            "trunks", "emergencyAddresses", "users", "queues", "vipList", "barring", "webAccounts", "monthlyCostLimit",
            "portedIn", "queueHistoryDays");
    /** NUMERIC(14, 2) in the database: 12 digits before the decimal point, 2 after. */
    private static final int MAX_WHOLE_DIGITS = 12;

    private final String realm;
    private final Uniques globalIds;
    private final List<CustomerNumbers.Declared> allRanges = new ArrayList<>();
    private final List<CustomerNumbers.Declared> allExtras = new ArrayList<>();
    private final PortedInBinder portedIn = new PortedInBinder();

    /** @param realm the SIP domain, realm of every digest credential */
    CustomerBinder(String realm, Uniques globalIds) {
        this.realm = realm;
        this.globalIds = globalIds;
    }

    List<CustomerProvisioning> bind(List<YamlNode> items) {
        return items.stream().map(this::bind).toList();
    }

    /** The ported-in numbers of every customer bound, with where they were declared. */
    List<CustomerNumbers.Declared> portedIn() {
        return List.copyOf(portedIn.declared());
    }

    private CustomerProvisioning bind(YamlNode item) {
        YamlNode c = item.object(KEYS);
        YamlNode idNode = c.required("id");
        TenantId tenant = idNode.parse(TenantId::of);
        globalIds.claim("customer id", tenant, idNode);
        Customer customer = new Customer(tenant, c.required("name").nonBlankText(),
                GatewayBinder.country(c.required("country")), c.optional("queueHistoryDays")
                .map(n -> n.integer(1, Customer.MAX_QUEUE_HISTORY_DAYS)).orElse(Customer.DEFAULT_QUEUE_HISTORY_DAYS));
        CustomerNumbers numbers = CustomerNumbers.bind(c, tenant, allRanges, portedIn.declared());

        List<TrunkBinder.BoundTrunk> trunks = new TrunkBinder(tenant, realm, globalIds)
                .bind(c.elements("trunks"), numbers);
        SwitchboardBinder switchboard = new SwitchboardBinder(tenant, realm, globalIds, numbers, trunks);
        var mainNumber = switchboard.mainNumber(c);
        var queueNames = switchboard.queueNames(c.elements("queues"));
        List<User> users = switchboard.users(c.elements("users"), queueNames, mainNumber);
        List<Queue> queues = switchboard.queues(c.elements("queues"), users, queueNames);
        List<EmergencyAddressAssignment> addresses = EmergencyAddressBinder.bind(c.elements("emergencyAddresses"),
                tenant, numbers);
        List<VipEntry> vips = vipList(c, tenant);
        Set<BarringClass> barrings = Set.copyOf(c.elements("barring").stream()
                .map(n -> n.enumValue(BarringClass.class, "barring class")).toList());
        List<WebAccount> accounts = new WebAccountBinder(globalIds)
                .customerAccounts(c.elements("webAccounts"), tenant, users);
        Optional<BigDecimal> costLimit = c.optional("monthlyCostLimit").map(CustomerBinder::costLimit);
        Set<TrunkId> trunkIds = Set.copyOf(trunks.stream().map(t -> t.trunk().id()).toList());
        List<PortedIn> ported = portedIn.bind(c.elements("portedIn"), tenant, numbers, trunkIds, allRanges, allExtras);
        allExtras.addAll(numbers.extrasDeclared());
        return c.build(() -> new CustomerProvisioning(customer, trunks.stream().map(TrunkBinder.BoundTrunk::trunk).toList(),
                rangeAssignments(tenant, numbers, trunks), numbers.extras(), mainNumber, addresses, users, queues, vips,
                barrings, accounts, costLimit, ported));
    }

    /**
     * A monthly cost limit (T8): an amount in the customer's currency (NOK, SEK), 0 or more, to
     * the øre/öre; kept with two decimals so that it reads back from the database as written.
     */
    private static BigDecimal costLimit(YamlNode node) {
        BigDecimal amount = node.decimal();
        String shown = amount.toPlainString();
        if (amount.signum() < 0) {
            throw node.error(shown + " is negative (give an amount of 0 or more in the customer's currency)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw node.error(shown + " has more than 2 decimals (the smallest unit is 0.01: øre, öre)");
        }
        if (amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw node.error(shown + " is too large (at most " + MAX_WHOLE_DIGITS + " digits before the decimal point)");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The trunks' ranges assigned to them; the rest of the customer's numbers to no trunk. */
    private static List<RangeAssignment> rangeAssignments(TenantId tenant, CustomerNumbers numbers,
                                                          List<TrunkBinder.BoundTrunk> trunks) {
        Map<TrunkId, List<NumberRange>> onTrunks = new LinkedHashMap<>();
        trunks.forEach(t -> onTrunks.put(t.trunk().id(), t.ranges()));
        return RangeAssignment.partition(tenant, numbers.ranges(), onTrunks);
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
