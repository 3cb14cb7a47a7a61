package io.sentral.core.tenant;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.portability.PortabilityTable;
import java.net.InetAddress;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable view of all tenant data that call routing reads. Loaded from storage and replaced
 * as a whole when provisioning changes, so a call sees one consistent version from start to end.
 * Built with {@link #of(Collection)} it also carries each customer's switchboard data (users,
 * queues, VIP list), barrings and current emergency addresses; built with the four-list
 * constructor those are empty.
 */
public final class TenantSnapshot {
    private final Map<TenantId, Customer> customers;
    private final Map<TrunkId, Trunk> trunks;
    private final Map<String, Trunk> trunksByUsername;
    private final List<RangeAssignment> ranges;
    private final List<ExtraNumber> extraNumbers;
    private final Map<TenantId, CustomerProvisioning> provisionings;
    private final Map<String, User> usersByUsername;
    private final PortabilityTable portability;

    public TenantSnapshot(List<Customer> customers, List<Trunk> trunks, List<RangeAssignment> ranges,
                          List<ExtraNumber> extraNumbers) {
        this(customers, trunks, ranges, extraNumbers, List.of(), PortabilityTable.empty());
    }

    private TenantSnapshot(List<Customer> customers, List<Trunk> trunks, List<RangeAssignment> ranges,
                           List<ExtraNumber> extraNumbers, Collection<CustomerProvisioning> provisionings,
                           PortabilityTable portability) {
        this.customers = customers.stream().collect(Collectors.toUnmodifiableMap(Customer::id, Function.identity()));
        this.trunks = trunks.stream().collect(Collectors.toUnmodifiableMap(Trunk::id, Function.identity()));
        this.trunksByUsername = trunks.stream()
                .filter(t -> t.credentials().isPresent())
                .collect(Collectors.toUnmodifiableMap(t -> t.credentials().orElseThrow().username(), Function.identity()));
        this.ranges = List.copyOf(ranges);
        this.extraNumbers = List.copyOf(extraNumbers);
        this.provisionings = provisionings.stream()
                .collect(Collectors.toUnmodifiableMap(CustomerProvisioning::tenant, Function.identity()));
        this.usersByUsername = provisionings.stream().flatMap(p -> p.users().stream())
                .collect(Collectors.toUnmodifiableMap(u -> u.sipCredentials().username(), Function.identity()));
        this.portability = portability;
    }

    /** A snapshot of everything the given customers own. */
    public static TenantSnapshot of(Collection<CustomerProvisioning> provisionings) {
        return of(provisionings, PortabilityTable.empty());
    }

    /** A snapshot of everything the given customers own, with the operator's portability table (T9). */
    public static TenantSnapshot of(Collection<CustomerProvisioning> provisionings, PortabilityTable portability) {
        return new TenantSnapshot(
                provisionings.stream().map(CustomerProvisioning::customer).toList(),
                provisionings.stream().flatMap(p -> p.trunks().stream()).toList(),
                provisionings.stream().flatMap(p -> p.ranges().stream()).toList(),
                provisionings.stream().flatMap(p -> p.extraNumbers().stream()).toList(),
                provisionings, portability);
    }

    /** Numbers ported in and out (T9). */
    public PortabilityTable portability() {
        return portability;
    }

    /** The customer's monthly cost limit, if it has one (T8). */
    public Optional<java.math.BigDecimal> monthlyCostLimit(TenantId tenant) {
        return provisioning(tenant).flatMap(CustomerProvisioning::monthlyCostLimit);
    }

    public static TenantSnapshot empty() {
        return new TenantSnapshot(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<Customer> customer(TenantId id) {
        return Optional.ofNullable(customers.get(id));
    }

    public Optional<Trunk> trunk(TrunkId id) {
        return Optional.ofNullable(trunks.get(id));
    }

    /** The registration trunk whose digest username this is. */
    public Optional<Trunk> trunkByUsername(String username) {
        return Optional.ofNullable(trunksByUsername.get(username));
    }

    /** The trunk that trusts this source address, if any (static trunks, T2). */
    public Optional<Trunk> trunkTrusting(InetAddress source) {
        return trunks.values().stream()
                .filter(t -> t.trustedSources().stream().anyMatch(r -> r.contains(source)))
                .findFirst();
    }

    /** The range assignment that contains the number (T3). */
    public Optional<RangeAssignment> rangeOwning(E164Number number) {
        return ranges.stream().filter(r -> r.range().contains(number)).findFirst();
    }

    public List<ExtraNumber> extraNumbers(TenantId tenant) {
        return extraNumbers.stream().filter(e -> e.tenant().equals(tenant)).toList();
    }

    public List<Customer> customers() {
        return List.copyOf(customers.values());
    }

    public List<Trunk> trunks() {
        return List.copyOf(trunks.values());
    }

    public List<RangeAssignment> ranges() {
        return ranges;
    }

    public List<ExtraNumber> extraNumbers() {
        return extraNumbers;
    }

    /** Everything the customer owns; empty for snapshots built without provisioning data. */
    public Optional<CustomerProvisioning> provisioning(TenantId tenant) {
        return Optional.ofNullable(provisionings.get(tenant));
    }

    /** The switchboard user whose SIP devices log in with this digest username (S1). */
    public Optional<User> userByUsername(String username) {
        return Optional.ofNullable(usersByUsername.get(username));
    }

    /** The user whose direct number this is. */
    public Optional<User> userWithDirectNumber(E164Number number) {
        return provisionings.values().stream().flatMap(p -> p.users().stream())
                .filter(u -> u.directNumber().filter(number::equals).isPresent())
                .findFirst();
    }

    public List<User> users(TenantId tenant) {
        return provisioning(tenant).map(CustomerProvisioning::users).orElse(List.of());
    }

    /** The queue whose function number this is (S2). */
    public Optional<Queue> queueOn(E164Number number) {
        return provisionings.values().stream().flatMap(p -> p.queues().stream())
                .filter(q -> q.number().equals(number))
                .findFirst();
    }

    public Optional<Queue> queue(TenantId tenant, QueueName name) {
        return provisioning(tenant).flatMap(p -> p.queues().stream().filter(q -> q.name().equals(name)).findFirst());
    }

    /** Whether the caller is on the tenant's VIP list (S3). */
    public boolean isVip(TenantId tenant, E164Number caller) {
        return provisioning(tenant).map(p -> p.vipList().stream().anyMatch(v -> v.number().equals(caller)))
                .orElse(false);
    }

    /** The tenant's barred call classes (T8). */
    public Set<BarringClass> barrings(TenantId tenant) {
        return provisioning(tenant).map(CustomerProvisioning::barrings).orElse(Set.of());
    }

    /** The switchboard's main number, if the tenant has one. */
    public Optional<E164Number> mainNumber(TenantId tenant) {
        return provisioning(tenant).flatMap(CustomerProvisioning::mainNumber);
    }

    /**
     * The current emergency address of the number (T6): that of the smallest assigned range
     * containing it. Empty when none is registered, which routing reports as an alarm.
     */
    public Optional<CivicAddress> emergencyAddressOf(E164Number number) {
        return provisionings.values().stream().flatMap(p -> p.emergencyAddresses().stream())
                .filter(a -> a.range().contains(number))
                .min(Comparator.comparingLong(a -> a.range().size()))
                .map(EmergencyAddressAssignment::address);
    }
}
