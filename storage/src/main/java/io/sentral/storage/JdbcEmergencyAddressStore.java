package io.sentral.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.emergency.EmergencyAddressVersion;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The emergency address registry (T6) in the database. Lookups are cached (Caffeine) because
 * they sit on the emergency call path; the cache is dropped on every provisioning change
 * (register this store with the {@link Provisioner}) and expires anyway after a minute, in case
 * another node changed the database.
 */
public final class JdbcEmergencyAddressStore implements EmergencyAddressStore, ProvisioningListener {
    private final Database database;
    private final Cache<E164Number, Optional<CivicAddress>> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public JdbcEmergencyAddressStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<CivicAddress> addressOf(E164Number number) {
        Objects.requireNonNull(number, "number");
        return cache.get(number, n -> database.withConnection(c -> EmergencyAddressTable.readCurrentContaining(c, n))
                .stream()
                .min(Comparator.comparingLong(a -> a.range().size()))
                .map(EmergencyAddressAssignment::address));
    }

    @Override
    public List<NumberRange> numbersWithoutAddress(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.inTransaction(c -> {
            List<NumberRange> covered = EmergencyAddressTable.readCurrent(c).stream()
                    .filter(a -> a.tenant().equals(tenant)).map(EmergencyAddressAssignment::range).toList();
            return NumberTables.readRanges(c).stream().filter(r -> r.tenant().equals(tenant))
                    .map(RangeAssignment::range)
                    .flatMap(r -> r.minus(covered).stream())
                    .toList();
        });
    }

    @Override
    public List<EmergencyAddressVersion> history(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.withConnection(c -> EmergencyAddressTable.readHistory(c, tenant));
    }

    @Override
    public void provisioned(TenantId tenant) {
        cache.invalidateAll();
    }
}
