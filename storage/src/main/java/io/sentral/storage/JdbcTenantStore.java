package io.sentral.storage;

import io.sentral.core.account.WebAccount;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.TenantSnapshotListener;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tenant data as routing sees it: an immutable {@link TenantSnapshot} loaded from the database
 * and replaced as a whole after every provisioning change. Register it with the
 * {@link Provisioner} ({@code provisioner.addListener(tenantStore)}) and subscribe routing and the
 * SIP edge with {@link #subscribe}; they then swap to each new snapshot.
 */
public final class JdbcTenantStore implements ProvisioningListener {
    private final Database database;
    private final AtomicReference<TenantSnapshot> current = new AtomicReference<>(TenantSnapshot.empty());
    private final List<TenantSnapshotListener> listeners = new CopyOnWriteArrayList<>();

    public JdbcTenantStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Loads a fresh snapshot of every customer from the database, with the portability table (T9):
     * the operator's ported-out numbers and the customers' ported-in numbers, read in the same
     * transaction. Does not change {@link #current}.
     */
    public TenantSnapshot loadSnapshot() {
        return database.inTransaction(c -> {
            List<CustomerProvisioning> provisionings = ProvisioningReader.readAll(c);
            List<PortedIn> portedIn = provisionings.stream().flatMap(p -> p.portedIn().stream()).toList();
            return TenantSnapshot.of(provisionings, new PortabilityTable(PortedOutTable.readAll(c), portedIn));
        });
    }

    /** The operator's ported-out numbers (T9), as stored. */
    public List<PortedOut> loadPortedOut() {
        return database.withConnection(PortedOutTable::readAll);
    }

    /** Every customer's provisioning, as stored (web account passwords as hashes). */
    public List<CustomerProvisioning> loadAll() {
        return database.inTransaction(ProvisioningReader::readAll);
    }

    public Optional<CustomerProvisioning> load(TenantId tenant) {
        return loadAll().stream().filter(p -> p.tenant().equals(tenant)).findFirst();
    }

    /** The operator's own accounts (NOC, system admin), as stored. */
    public List<WebAccount> loadOperatorAccounts() {
        return database.withConnection(WebAccountTable::readAll).stream().filter(a -> a.tenant().isEmpty()).toList();
    }

    /** The snapshot last loaded by {@link #reload()}; empty before the first reload. */
    public TenantSnapshot current() {
        return current.get();
    }

    /** Loads a new snapshot, makes it current and hands it to every subscriber. */
    public TenantSnapshot reload() {
        TenantSnapshot snapshot = loadSnapshot();
        current.set(snapshot);
        listeners.forEach(l -> l.snapshotChanged(snapshot));
        return snapshot;
    }

    public void subscribe(TenantSnapshotListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void provisioned(TenantId tenant) {
        reload();
    }

    @Override
    public void portabilityChanged() {
        reload();
    }
}
