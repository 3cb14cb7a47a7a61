package io.sentral.storage;

import io.sentral.config.SentralConfig;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.WebAccount;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes tenant data (N5): the YAML file at start-up and the REST API later both come here.
 * {@link #apply} makes the database hold exactly the given customer, in one transaction, and is
 * idempotent: applying the same provisioning twice changes no row. Parts left out are removed;
 * emergency address changes are appended to the registry's history with who made them. The
 * operator's own data (accounts, the ported-out table of T9) has methods of its own.
 * {@link #provision} writes a whole configuration file in one transaction. Listeners hear of every
 * committed change (snapshot reload, cache invalidation).
 *
 * <p>Refused, with nothing changed: data that clashes with another customer's or with the
 * portability table ({@link ProvisioningConflictException}), and data that is wrong in itself
 * ({@link IllegalArgumentException}), such as a cost limit finer than the øre.
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
     * Makes the database hold exactly {@code provisioning} for its customer, ported-in numbers and
     * monthly cost limit included.
     *
     * @param changedBy who makes the change (an account name, {@code config:demo.yaml}); kept in
     *                  the emergency address history and with ported-in numbers
     * @throws ProvisioningConflictException if it clashes with another customer's data or the
     *                                       ported-out table; nothing changed
     */
    public void apply(CustomerProvisioning provisioning, String changedBy) {
        Objects.requireNonNull(provisioning, "provisioning");
        requireAuthor(changedBy);
        requireStorable(provisioning);
        Map<AccountName, PasswordHash> hashes = hashesFor(provisioning.webAccounts());
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            write(c, provisioning, hashes, now, changedBy);
            PortedOutTable.requireNotPortedBothWays(c);
            return null;
        });
        listeners.forEach(l -> l.provisioned(provisioning.tenant()));
    }

    /**
     * Provisions everything a configuration file holds, in one transaction: its customers, the
     * operator's accounts and, if the file has a {@code portability} section, the ported-out
     * table. Customers and accounts not in the file are left alone (they may have been made
     * through the API). What start-up does with the YAML file; {@code changedBy} names the file,
     * e.g. {@code config:demo.yaml}.
     *
     * @throws ProvisioningConflictException if anything clashes; nothing changed
     */
    public void provision(SentralConfig config, String changedBy) {
        Objects.requireNonNull(config, "config");
        requireAuthor(changedBy);
        config.customers().forEach(Provisioner::requireStorable);
        requireOperatorAccounts(config.accounts());
        Map<AccountName, PasswordHash> hashes = new HashMap<>(hashesFor(config.accounts()));
        config.customers().forEach(p -> hashes.putAll(hashesFor(p.webAccounts())));
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            for (CustomerProvisioning p : config.customers()) {
                write(c, p, hashes, now, changedBy);
            }
            writeOperatorAccounts(c, config.accounts(), hashes);
            if (config.portedOut().isPresent()) {
                PortedOutTable.sync(c, config.portedOut().get(), now, changedBy);
            }
            PortedOutTable.requireNotPortedBothWays(c);
            return null;
        });
        config.customers().forEach(p -> listeners.forEach(l -> l.provisioned(p.tenant())));
        if (config.portedOut().isPresent()) {
            listeners.forEach(ProvisioningListener::portabilityChanged);
        }
    }

    /** Applies each customer in turn (each in its own transaction), e.g. a batch from the API. */
    public void applyAll(List<CustomerProvisioning> customers, String changedBy) {
        customers.forEach(p -> apply(p, changedBy));
    }

    /**
     * Creates or updates the operator's own accounts (NOC, system admin). Operator accounts not
     * listed are left alone: they may have been created through the API.
     */
    public void applyOperatorAccounts(List<WebAccount> accounts) {
        requireOperatorAccounts(accounts);
        Map<AccountName, PasswordHash> hashes = hashesFor(accounts);
        database.inTransaction(c -> {
            writeOperatorAccounts(c, accounts, hashes);
            return null;
        });
    }

    /**
     * Creates or replaces one of the operator's own accounts (S17) — the API's way, through the
     * same writing as the file's {@code accounts}.
     *
     * @throws ProvisioningConflictException if the name is a customer's account, or the change
     *                                       leaves no system admin where there was one; nothing changed
     */
    public void putOperatorAccount(WebAccount account) {
        requireOperatorAccounts(List.of(account));
        Map<AccountName, PasswordHash> hashes = hashesFor(List.of(account));
        database.inTransaction(c -> {
            long admins = WebAccountTable.lockOperators(c);
            writeOperatorAccounts(c, List.of(account), hashes);
            requireSystemAdminLeft(c, admins);
            return null;
        });
    }

    /**
     * Removes one of the operator's own accounts (S17); false if there is no operator account of
     * that name. Its API tokens are the caller's to revoke.
     *
     * @throws ProvisioningConflictException if it is the last system admin; nothing changed
     */
    public boolean removeOperatorAccount(AccountName name) {
        Objects.requireNonNull(name, "name");
        return database.inTransaction(c -> {
            long admins = WebAccountTable.lockOperators(c);
            boolean removed = WebAccountTable.deleteOperator(c, name);
            requireSystemAdminLeft(c, admins);
            return removed;
        });
    }

    /** Somebody must be able to manage the operator's accounts: the last system admin stays. */
    private static void requireSystemAdminLeft(Connection c, long before) throws SQLException {
        if (before > 0 && WebAccountTable.systemAdmins(c) == 0) {
            throw new ProvisioningConflictException("the last system admin cannot be removed or given another role");
        }
    }

    /**
     * Makes the operator's ported-out table (T9) exactly {@code portedOut}: outbound calls to these
     * numbers get the recipient's routing prefix and/or gateway. Entries that do not change keep
     * who set them and when. The gateways named are not checked here (they are node
     * configuration): the caller checks them against the configured gateways, as the config
     * loader does.
     *
     * @throws ProvisioningConflictException if a number is ported in to a customer; nothing changed
     */
    public void applyPortability(List<PortedOut> portedOut, String changedBy) {
        requireAuthor(changedBy);
        List<PortedOut> table = new PortabilityTable(List.copyOf(portedOut), List.of()).allPortedOut();
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            PortedOutTable.sync(c, table, now, changedBy);
            PortedOutTable.requireNotPortedBothWays(c);
            return null;
        });
        listeners.forEach(ProvisioningListener::portabilityChanged);
    }

    /** Removes a customer and everything it owns; its emergency address history stays, ended. */
    public void remove(TenantId tenant, String changedBy) {
        Objects.requireNonNull(tenant, "tenant");
        requireAuthor(changedBy);
        Instant now = Jdbc.storable(clock.instant());
        database.inTransaction(c -> {
            EmergencyAddressTable.endAll(c, tenant, now, changedBy);
            NumberTables.clear(c, tenant);
            PortedInTable.deleteAll(c, tenant);
            Jdbc.update(c, "DELETE FROM customers WHERE id = ?", tenant.value());
            return null;
        });
        listeners.forEach(l -> l.provisioned(tenant));
    }

    /** Writes one customer; ranges and ported-in numbers point at trunks, so they go around the trunks. */
    private static void write(Connection c, CustomerProvisioning provisioning, Map<AccountName, PasswordHash> hashes,
                              Instant now, String changedBy) throws SQLException {
        TenantId tenant = provisioning.tenant();
        ConflictCheck.check(c, provisioning);
        CustomerTable.upsert(c, provisioning);
        NumberTables.clear(c, tenant);
        PortedInTable.removeChanged(c, tenant, provisioning.portedIn());
        TrunkTable.sync(c, tenant, provisioning.trunks());
        NumberTables.insert(c, provisioning.ranges(), provisioning.extraNumbers());
        PortedInTable.insertMissing(c, tenant, provisioning.portedIn(), now, changedBy);
        SwitchboardTables.sync(c, tenant, provisioning.users(), provisioning.queues(), provisioning.vipList());
        BarringTable.replace(c, tenant, provisioning.barrings());
        EmergencyAddressTable.sync(c, tenant, provisioning.emergencyAddresses(), now, changedBy);
        WebAccountTable.upsert(c, provisioning.webAccounts(), hashes);
        WebAccountTable.deleteOthers(c, tenant, provisioning.webAccounts());
    }

    private static void writeOperatorAccounts(Connection c, List<WebAccount> accounts,
                                              Map<AccountName, PasswordHash> hashes) throws SQLException {
        for (WebAccount a : accounts) {
            if (WebAccountTable.ownerOf(c, a.name()).flatMap(o -> o).isPresent()) {
                throw new ProvisioningConflictException("account name " + a.name() + " is used by a customer");
            }
        }
        WebAccountTable.upsert(c, accounts, hashes);
    }

    private static void requireOperatorAccounts(List<WebAccount> accounts) {
        if (accounts.stream().anyMatch(a -> a.tenant().isPresent())) {
            throw new IllegalArgumentException("operator accounts must not belong to a tenant");
        }
    }

    /** What the database cannot hold as given is refused before anything is written. */
    private static void requireStorable(CustomerProvisioning provisioning) {
        provisioning.monthlyCostLimit().ifPresent(limit -> {
            try {
                CustomerTable.storableLimit(limit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("customer " + provisioning.tenant() + ": " + e.getMessage());
            }
        });
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
