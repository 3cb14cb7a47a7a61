package io.sentral.core.tenant;

import io.sentral.core.number.E164Number;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable view of all tenant data that call routing reads. Loaded from storage and replaced
 * as a whole when provisioning changes, so a call sees one consistent version from start to end.
 */
public final class TenantSnapshot {
    private final Map<TenantId, Customer> customers;
    private final Map<TrunkId, Trunk> trunks;
    private final Map<String, Trunk> trunksByUsername;
    private final List<RangeAssignment> ranges;
    private final List<ExtraNumber> extraNumbers;

    public TenantSnapshot(List<Customer> customers, List<Trunk> trunks, List<RangeAssignment> ranges,
                          List<ExtraNumber> extraNumbers) {
        this.customers = customers.stream().collect(Collectors.toUnmodifiableMap(Customer::id, Function.identity()));
        this.trunks = trunks.stream().collect(Collectors.toUnmodifiableMap(Trunk::id, Function.identity()));
        this.trunksByUsername = trunks.stream()
                .filter(t -> t.credentials().isPresent())
                .collect(Collectors.toUnmodifiableMap(t -> t.credentials().orElseThrow().username(), Function.identity()));
        this.ranges = List.copyOf(ranges);
        this.extraNumbers = List.copyOf(extraNumbers);
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
}
