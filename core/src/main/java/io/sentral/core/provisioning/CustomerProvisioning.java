package io.sentral.core.provisioning;

import io.sentral.core.account.WebAccount;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one customer owns, as one unit of provisioning (N5): the YAML file and the REST API
 * both produce it, storage applies it in one transaction, and tenant snapshots are built from it.
 * Lists are kept in a canonical order so that two provisionings with the same content are equal.
 *
 * @param ranges       the customer's numbers: a trunk's numbers assigned to that trunk, the rest
 *                     (switchboard numbers) with no trunk; never overlapping
 * @param mainNumber   the switchboard's main number, if the customer has one
 * @param webAccounts  the customer's web logins (tenant roles only)
 * @param monthlyCostLimit the most the customer may spend on chargeable calls per calendar month (T8)
 * @param portedIn     numbers ported in from other operators (T9): they join the customer's numbers
 *                     (on the trunk, if given) from their porting date, which is why {@link #owns}
 *                     does not count them and routing asks the snapshot's portability table instead
 */
public record CustomerProvisioning(Customer customer, List<Trunk> trunks, List<RangeAssignment> ranges,
                                   List<ExtraNumber> extraNumbers, Optional<E164Number> mainNumber,
                                   List<EmergencyAddressAssignment> emergencyAddresses, List<User> users,
                                   List<Queue> queues, List<VipEntry> vipList, Set<BarringClass> barrings,
                                   List<WebAccount> webAccounts, Optional<BigDecimal> monthlyCostLimit,
                                   List<PortedIn> portedIn) {

    public CustomerProvisioning {
        Objects.requireNonNull(monthlyCostLimit, "monthlyCostLimit");
        monthlyCostLimit.ifPresent(limit -> {
            if (limit.signum() < 0) {
                throw new IllegalArgumentException("monthly cost limit must not be negative: " + limit);
            }
        });
        Objects.requireNonNull(customer, "customer");
        trunks = sorted(trunks, Comparator.comparing(t -> t.id().value()));
        ranges = sorted(ranges, Comparator.comparing(r -> r.range().first()));
        extraNumbers = sorted(extraNumbers, Comparator.comparing(ExtraNumber::number));
        Objects.requireNonNull(mainNumber, "mainNumber");
        emergencyAddresses = sorted(emergencyAddresses, Comparator
                .comparing((EmergencyAddressAssignment a) -> a.range().first())
                .thenComparing(a -> -a.range().size()));
        users = sorted(users, Comparator.comparing(u -> u.id().value()));
        queues = sorted(queues, Comparator.comparing(q -> q.name().value()));
        vipList = sorted(vipList, Comparator.comparing(VipEntry::number));
        barrings = Set.copyOf(barrings);
        webAccounts = sorted(webAccounts, Comparator.comparing(a -> a.name().value()));
        portedIn = sorted(portedIn, Comparator.comparing(PortedIn::number));
        new ProvisioningConsistency(customer.id()).check(trunks, ranges, extraNumbers, mainNumber,
                emergencyAddresses, users, queues, vipList, webAccounts, portedIn);
    }

    /** Without ported-in numbers. */
    public CustomerProvisioning(Customer customer, List<Trunk> trunks, List<RangeAssignment> ranges,
                                List<ExtraNumber> extraNumbers, Optional<E164Number> mainNumber,
                                List<EmergencyAddressAssignment> emergencyAddresses, List<User> users,
                                List<Queue> queues, List<VipEntry> vipList, Set<BarringClass> barrings,
                                List<WebAccount> webAccounts, Optional<BigDecimal> monthlyCostLimit) {
        this(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users, queues, vipList,
                barrings, webAccounts, monthlyCostLimit, List.of());
    }

    /** Without a monthly cost limit or ported-in numbers. */
    public CustomerProvisioning(Customer customer, List<Trunk> trunks, List<RangeAssignment> ranges,
                                List<ExtraNumber> extraNumbers, Optional<E164Number> mainNumber,
                                List<EmergencyAddressAssignment> emergencyAddresses, List<User> users,
                                List<Queue> queues, List<VipEntry> vipList, Set<BarringClass> barrings,
                                List<WebAccount> webAccounts) {
        this(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users, queues, vipList,
                barrings, webAccounts, Optional.empty(), List.of());
    }

    /** A customer with nothing provisioned yet but the customer record itself. */
    public static CustomerProvisioning empty(Customer customer) {
        return new CustomerProvisioning(customer, List.of(), List.of(), List.of(), Optional.empty(), List.of(),
                List.of(), List.of(), List.of(), Set.of(), List.of());
    }

    public TenantId tenant() {
        return customer.id();
    }

    /** A customer with numbers and nothing else yet: no trunks, users, queues or accounts (N5). */
    public static CustomerProvisioning of(Customer customer, List<RangeAssignment> ranges,
                                          List<ExtraNumber> extraNumbers, Optional<E164Number> mainNumber) {
        return new CustomerProvisioning(customer, List.of(), ranges, extraNumbers, mainNumber, List.of(), List.of(),
                List.of(), List.of(), Set.of(), List.of(), Optional.empty(), List.of());
    }

    /** The same switchboard data under a changed customer record (name, country, retention); same id. */
    public CustomerProvisioning withCustomer(Customer changed) {
        if (!changed.id().equals(customer.id())) {
            throw new IllegalArgumentException("customer " + customer.id() + " cannot become " + changed.id());
        }
        return new CustomerProvisioning(changed, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                queues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with these numbers (T3): ranges and their trunks, extra numbers, main number. */
    public CustomerProvisioning withNumbers(List<RangeAssignment> newRanges, List<ExtraNumber> newExtraNumbers,
                                           Optional<E164Number> newMainNumber) {
        return new CustomerProvisioning(customer, trunks, newRanges, newExtraNumbers, newMainNumber,
                emergencyAddresses, users, queues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The ranges each trunk receives (T2), by trunk. */
    public Map<TrunkId, List<NumberRange>> trunkRanges() {
        Map<TrunkId, List<NumberRange>> byTrunk = new LinkedHashMap<>();
        ranges.forEach(r -> r.trunk().ifPresent(t -> byTrunk.computeIfAbsent(t, k -> new ArrayList<>()).add(r.range())));
        return byTrunk;
    }

    /** The same customer with these web accounts (S17). */
    public CustomerProvisioning withWebAccounts(List<WebAccount> accounts) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                queues, vipList, barrings, accounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with these emergency address assignments (T6). */
    public CustomerProvisioning withEmergencyAddresses(List<EmergencyAddressAssignment> assignments) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, assignments, users,
                queues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with these trunks (T2). */
    public CustomerProvisioning withTrunks(List<Trunk> newTrunks) {
        return new CustomerProvisioning(customer, newTrunks, ranges, extraNumbers, mainNumber, emergencyAddresses,
                users, queues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with these barrings (T8). */
    public CustomerProvisioning withBarrings(Set<BarringClass> newBarrings) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                queues, vipList, newBarrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with this monthly cost limit (T8). */
    public CustomerProvisioning withMonthlyCostLimit(Optional<BigDecimal> limit) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                queues, vipList, barrings, webAccounts, limit, portedIn);
    }

    /** The same customer with these queues (S2). */
    public CustomerProvisioning withQueues(List<Queue> newQueues) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                newQueues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with this VIP list (S4). */
    public CustomerProvisioning withVipList(List<VipEntry> vips) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses, users,
                queues, vips, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The same customer with these users (S10). */
    public CustomerProvisioning withUsers(List<User> newUsers) {
        return new CustomerProvisioning(customer, trunks, ranges, extraNumbers, mainNumber, emergencyAddresses,
                newUsers, queues, vipList, barrings, webAccounts, monthlyCostLimit, portedIn);
    }

    /** The customer's number ranges, whatever they are assigned to. */
    public List<NumberRange> numbers() {
        return ranges.stream().map(RangeAssignment::range).toList();
    }

    /** Whether the number is in the customer's ranges or among its verified extra numbers (T5). */
    public boolean owns(E164Number number) {
        return ranges.stream().anyMatch(r -> r.range().contains(number))
                || extraNumbers.stream().anyMatch(e -> e.number().equals(number));
    }

    /**
     * How many of the customer's numbers have no registered emergency address (T6): an emergency
     * call from one of them goes out without a location and raises the alarm.
     */
    public long numbersWithoutEmergencyAddress() {
        List<NumberRange> covered = emergencyAddresses.stream().map(EmergencyAddressAssignment::range).toList();
        return numbers().stream().flatMap(r -> r.minus(covered).stream()).mapToLong(NumberRange::size).sum();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }
}
