package io.sentral.storage;

import io.sentral.config.SentralConfig;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.WebAccount;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes tenant data (N5): the YAML file at start-up and the REST API later both come here.
 * {@link #apply} makes the database hold exactly the given customer, in one transaction, and is
 * idempotent: applying the same provisioning twice changes no row. Parts left out are removed;
 * emergency address changes are appended to the registry's history with who made them. Listeners
 * hear of every committed change (snapshot reload, cache invalidation).
 */
public final class Provisioner {
    private final Database database;
    private final Clock clock;
    private final PasswordHashes passwordHashes;
    private final List<ProvisioningListener> listeners = new CopyOnWriteArrayList<>();

    public Provisioner(Database database, Clock clock, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.passwordHashes = new PasswordHashes(Objects.requireNonNull(random, "random"));
    }

    public Provisioner(Database database) {
        this(database, Clock.systemUTC(), new SecureRandom());
    }

    public void addListener(ProvisioningListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Makes the database hold exactly {@code provisioning} for its customer.
     *
     * @param changedBy who makes the change (an account name, {@code config:demo.yaml}); kept in
     *                  the emergency address history
     * @throws ProvisioningConflictException if it clashes with another customer's data; nothing changed
     */
    public void apply(CustomerProvisioning provisioning, String changedBy) {
        Objects.requireNonNull(provisioning, "provisioning");
        requireAuthor(changedBy);
        TenantId tenant = provisioning.tenant();
        Map<AccountName, PasswordHash> hashes = hashesFor(provisioning.webAccounts());
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            ConflictCheck.check(c, provisioning);
            CustomerTable.upsert(c, provisioning);
            NumberTables.clear(c, tenant);
            TrunkTable.sync(c, tenant, provisioning.trunks());
            NumberTables.insert(c, provisioning.ranges(), provisioning.extraNumbers());
            SwitchboardTables.sync(c, tenant, provisioning.users(), provisioning.queues(), provisioning.vipList());
            BarringTable.replace(c, tenant, provisioning.barrings());
            EmergencyAddressTable.sync(c, tenant, provisioning.emergencyAddresses(), now, changedBy);
            WebAccountTable.upsert(c, provisioning.webAccounts(), hashes);
            WebAccountTable.deleteOthers(c, tenant, provisioning.webAccounts());
            return null;
        });
        listeners.forEach(l -> l.provisioned(tenant));
    }

    /**
     * Provisions everything a configuration file holds: its customers and the operator's accounts.
     * What start-up does with the YAML file; {@code changedBy} names the file, e.g. {@code config:demo.yaml}.
     */
    public void provision(SentralConfig config, String changedBy) {
        Objects.requireNonNull(config, "config");
        applyAll(config.customers(), changedBy);
        applyOperatorAccounts(config.accounts());
    }

    /** Applies each customer in turn (each in its own transaction), e.g. all customers of a YAML file. */
    public void applyAll(List<CustomerProvisioning> customers, String changedBy) {
        customers.forEach(p -> apply(p, changedBy));
    }

    /**
     * Creates or updates the operator's own accounts (NOC, system admin). Operator accounts not
     * listed are left alone: they may have been created through the API.
     */
    public void applyOperatorAccounts(List<WebAccount> accounts) {
        if (accounts.stream().anyMatch(a -> a.tenant().isPresent())) {
            throw new IllegalArgumentException("operator accounts must not belong to a tenant");
        }
        Map<AccountName, PasswordHash> hashes = hashesFor(accounts);
        database.inTransaction(c -> {
            for (WebAccount a : accounts) {
                if (WebAccountTable.ownerOf(c, a.name()).flatMap(o -> o).isPresent()) {
                    throw new ProvisioningConflictException("account name " + a.name() + " is used by a customer");
                }
            }
            WebAccountTable.upsert(c, accounts, hashes);
            return null;
        });
    }

    /** Removes a customer and everything it owns; its emergency address history stays, ended. */
    public void remove(TenantId tenant, String changedBy) {
        Objects.requireNonNull(tenant, "tenant");
        requireAuthor(changedBy);
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            EmergencyAddressTable.endAll(c, tenant, now, changedBy);
            NumberTables.clear(c, tenant);
            Jdbc.update(c, "DELETE FROM customers WHERE id = ?", tenant.value());
            return null;
        });
        listeners.forEach(l -> l.provisioned(tenant));
    }

    private Map<AccountName, PasswordHash> hashesFor(List<WebAccount> accounts) {
        List<AccountName> names = accounts.stream().map(WebAccount::name).toList();
        Map<AccountName, PasswordHash> stored = database.withConnection(c -> WebAccountTable.storedHashes(c, names));
        return passwordHashes.decide(accounts, stored);
    }

    private static void requireAuthor(String changedBy) {
        Objects.requireNonNull(changedBy, "changedBy");
        if (changedBy.isBlank()) {
            throw new IllegalArgumentException("changedBy must name who makes the change");
        }
    }
}
