package io.sentral.storage;

import io.sentral.config.ConfigLoader;
import io.sentral.config.SentralConfig;
import io.sentral.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.EndCause;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.emergency.EmergencyAddressVersion;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.registration.Binding;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Transport;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage behaviour every database must show, run against real databases: embedded H2
 * ({@link H2StorageTest}) and PostgreSQL when one is configured ({@link PostgresStorageTest}).
 */
abstract class StorageContract {
    static final List<String> TABLES = List.of("customers", "trunks", "trunk_trusted_sources", "number_ranges",
            "extra_numbers", "emergency_addresses", "users", "queues", "queue_members", "vip_numbers", "barrings",
            "web_accounts", "registrations", "call_records", "ported_in_numbers", "ported_out_numbers", "absences",
            "api_tokens", "audit_log", "queue_calls", "user_calls", "queue_offers");
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final String CONFIG = "config:demo.yaml";

    protected Database database;
    protected MutableClock clock;
    protected Provisioner provisioner;
    protected JdbcTenantStore tenants;
    protected JdbcEmergencyAddressStore addresses;

    /** A fresh, empty, migrated database for each test. */
    protected abstract Database openDatabase() throws Exception;

    /** Closes {@link #database} and opens the same database again, as a restarted node does. */
    protected abstract Database reopenDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openDatabase();
        clock = new MutableClock(Instant.parse("2026-03-01T09:00:00.123456789Z"));
        provisioner = new Provisioner(database, clock, new SecureRandom());
        tenants = new JdbcTenantStore(database);
        addresses = new JdbcEmergencyAddressStore(database);
        provisioner.addListener(tenants);
        provisioner.addListener(addresses);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void provisionDemo() {
        provisioner.provision(Demo.CONFIG, CONFIG);
    }

    protected Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, database.withConnection(c -> Jdbc.query(c, "SELECT COUNT(*) FROM " + table,
                    rs -> rs.getLong(1))).getFirst());
        }
        return counts;
    }

    private List<List<String>> allRows(String table, String order) {
        return database.withConnection(c -> Jdbc.query(c, "SELECT * FROM " + table + " ORDER BY " + order, rs -> {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.add(rs.getString(i));
            }
            return row;
        }));
    }

    @Test
    void migrationsCreateEveryTableEmpty() {
        assertThat(rowCounts()).hasSize(TABLES.size()).allSatisfy((table, count) -> assertThat(count).isZero());
    }

    @Test
    void provisioningTheDemoTwiceLeavesTheSameRows() {
        provisionDemo();
        Map<String, Long> once = rowCounts();
        List<List<String>> accountsOnce = allRows("web_accounts", "name");
        List<List<String>> addressesOnce = allRows("emergency_addresses", "id");
        List<List<String>> trunksOnce = allRows("trunks", "id");

        clock.advance(Duration.ofMinutes(5));
        provisionDemo();

        assertThat(rowCounts()).isEqualTo(once).containsAllEntriesOf(Map.ofEntries(
                Map.entry("customers", 3L), Map.entry("trunks", 2L), Map.entry("trunk_trusted_sources", 1L),
                Map.entry("number_ranges", 3L), Map.entry("extra_numbers", 1L), Map.entry("emergency_addresses", 3L),
                Map.entry("users", 3L), Map.entry("queues", 2L), Map.entry("queue_members", 3L),
                Map.entry("vip_numbers", 2L), Map.entry("barrings", 1L), Map.entry("web_accounts", 5L)));
        assertThat(allRows("web_accounts", "name")).as("verified hashes are kept").isEqualTo(accountsOnce);
        assertThat(allRows("emergency_addresses", "id")).as("no history for no change").isEqualTo(addressesOnce);
        assertThat(allRows("trunks", "id")).isEqualTo(trunksOnce);
    }

    @Test
    void whatIsReadBackIsWhatWasProvisioned() {
        provisionDemo();
        List<CustomerProvisioning> stored = tenants.loadAll();
        assertThat(stored.stream().map(Edit::withoutAccounts).toList()).containsExactlyInAnyOrderElementsOf(
                Demo.CONFIG.customers().stream().map(Edit::withoutAccounts).toList());
        WebAccount alice = tenants.load(FJORD).orElseThrow().webAccounts().getFirst();
        assertThat(alice.name()).isEqualTo(AccountName.of("alice"));
        assertThat(alice.role()).isEqualTo(Role.OPERATOR);
        assertThat(alice.user()).contains(UserId.of("alice"));
        PasswordHash hash = ((AccountSecret.Hashed) alice.secret()).hash();
        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("alice-secret");
        assertThat(hash.verifies("alice-secret")).isTrue();
        assertThat(hash.verifies("bob-secret")).isFalse();
        assertThat(tenants.loadOperatorAccounts()).extracting(a -> a.name().value(), WebAccount::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", Role.SYSTEM_ADMIN),
                        org.assertj.core.groups.Tuple.tuple("noc", Role.NOC));
    }

    @Test
    void snapshotAnswersRoutingQuestions() throws Exception {
        AtomicReference<TenantSnapshot> pushed = new AtomicReference<>();
        tenants.subscribe(pushed::set);
        provisionDemo();

        TenantSnapshot snapshot = tenants.loadSnapshot();
        assertThat(pushed.get()).as("pushed to subscribers after provisioning").isNotNull();
        assertThat(tenants.current().customers()).hasSize(3);
        assertThat(snapshot.trunkByUsername("acme-pbx")).map(Trunk::id).contains(TrunkId.of("acme-pbx"));
        assertThat(snapshot.trunkByUsername("acme-pbx").flatMap(Trunk::credentials))
                .contains(DigestCredentials.fromPassword("acme-pbx", "sentral.test", "acme-secret"));
        assertThat(snapshot.trunkTrusting(InetAddress.getByName("127.0.0.5"))).map(Trunk::id)
                .contains(TrunkId.of("svea-pbx"));
        assertThat(snapshot.trunkTrusting(InetAddress.getByName("127.0.0.6"))).isEmpty();
        assertThat(snapshot.rangeOwning(E164Number.of("+4722120005"))).flatMap(RangeAssignment::trunk)
                .contains(TrunkId.of("acme-pbx"));
        RangeAssignment fjordRange = snapshot.rangeOwning(E164Number.of("+4723450101")).orElseThrow();
        assertThat(fjordRange.tenant()).isEqualTo(FJORD);
        assertThat(fjordRange.trunk()).isEmpty();
        assertThat(snapshot.rangeOwning(E164Number.of("+4799999999"))).isEmpty();
        assertThat(snapshot.extraNumbers(ACME)).extracting(e -> e.number().value()).containsExactly("+4791000001");
        assertThat(snapshot.userByUsername("alice").map(User::displayName)).contains("Alice Hansen");
        assertThat(snapshot.userWithDirectNumber(E164Number.of("+4723450102")).map(u -> u.id().value())).contains("bob");
        assertThat(snapshot.queueOn(E164Number.of("+4723450050")).map(q -> q.name().value())).contains("Support");
        assertThat(snapshot.isVip(FJORD, E164Number.of("+4790000001"))).isTrue();
        assertThat(snapshot.isVip(FJORD, E164Number.of("+4790000003"))).isFalse();
        assertThat(snapshot.barrings(TenantId.of("svea"))).extracting(Enum::name).containsExactly("INTERNATIONAL");
        assertThat(snapshot.mainNumber(FJORD)).contains(E164Number.of("+4723450000"));
    }

    @Test
    void changedValuesAreUpdatedAndLeftOutPartsRemoved() {
        provisionDemo();
        CustomerProvisioning acme = Demo.customer("acme");
        Trunk old = acme.trunks().getFirst();
        Trunk lowered = new Trunk(old.id(), old.tenant(), old.kind(),
                Optional.of(DigestCredentials.fromPassword("acme-pbx", "sentral.test", "new-secret")),
                old.trustedSources(), old.staticEndpoint(), old.defaultNumber(), old.callerIdPolicy(), 5, 1);
        provisioner.apply(Edit.trunks(acme, List.of(lowered), acme.ranges()), "acme-admin");
        Trunk stored = tenants.current().trunk(old.id()).orElseThrow();
        assertThat(stored.maxChannels()).isEqualTo(5);
        assertThat(stored.credentials()).isEqualTo(lowered.credentials());

        List<RangeAssignment> unassigned = acme.ranges().stream()
                .map(r -> new RangeAssignment(r.tenant(), r.range(), Optional.empty())).toList();
        provisioner.apply(Edit.trunks(acme, List.of(), unassigned), "acme-admin");
        TenantSnapshot snapshot = tenants.current();
        assertThat(snapshot.trunk(old.id())).isEmpty();
        assertThat(snapshot.trunkByUsername("acme-pbx")).isEmpty();
        assertThat(snapshot.rangeOwning(E164Number.of("+4722120005")).orElseThrow().trunk()).isEmpty();

        CustomerProvisioning renamed = acme.withCustomer(new io.sentral.core.tenant.Customer(acme.tenant(),
                "Acme Holding AS", acme.customer().country(), 14));
        provisioner.apply(Edit.trunks(renamed, List.of(), unassigned), "acme-admin");
        assertThat(tenants.load(acme.tenant()).orElseThrow().customer()).as("S13: the customer's own period")
                .isEqualTo(renamed.customer());

        CustomerProvisioning fjord = Demo.customer("fjord");
        List<User> withoutCarol = fjord.users().stream().filter(u -> !u.id().value().equals("carol")).toList();
        List<Queue> onlySentralbord = fjord.queues().stream()
                .filter(q -> q.name().value().equals("Sentralbord"))
                .map(q -> new Queue(q.tenant(), q.name(), q.number(), List.of(UserId.of("bob"), UserId.of("alice")),
                        q.strategy(), q.ringTimeout(), q.wrapUp(), q.maxWait(), q.maxWaiting(), Optional.empty()))
                .toList();
        List<WebAccount> onlyAdmin = fjord.webAccounts().stream()
                .filter(a -> a.name().value().equals("fjord-admin")).toList();
        provisioner.apply(Edit.switchboard(fjord, withoutCarol, onlySentralbord, onlyAdmin), "fjord-admin");
        CustomerProvisioning stored2 = tenants.load(FJORD).orElseThrow();
        assertThat(stored2.users()).extracting(u -> u.id().value()).containsExactly("alice", "bob");
        assertThat(stored2.queues()).singleElement().satisfies(q -> {
            assertThat(q.members()).extracting(UserId::value).containsExactly("bob", "alice");
            assertThat(q.overflow()).isEmpty();
        });
        assertThat(stored2.webAccounts()).extracting(a -> a.name().value()).containsExactly("fjord-admin");
        assertThat(rowCounts()).containsEntry("queue_members", 2L).containsEntry("users", 2L)
                .containsEntry("web_accounts", 3L);
    }

    @Test
    void aChangedPasswordGetsANewHash() {
        provisionDemo();
        CustomerProvisioning fjord = Demo.customer("fjord");
        List<WebAccount> changed = fjord.webAccounts().stream().map(a -> a.name().value().equals("bob")
                ? new WebAccount(a.name(), a.tenant(), a.role(), new AccountSecret.Plain("bobs-new-secret"), a.user())
                : a).toList();
        provisioner.apply(Edit.accounts(fjord, changed), "fjord-admin");
        WebAccount bob = tenants.load(FJORD).orElseThrow().webAccounts().stream()
                .filter(a -> a.name().value().equals("bob")).findFirst().orElseThrow();
        PasswordHash hash = ((AccountSecret.Hashed) bob.secret()).hash();
        assertThat(hash.verifies("bobs-new-secret")).isTrue();
        assertThat(hash.verifies("bob-secret")).isFalse();
    }

    @Test
    void anAccountIsFoundByItsLoginNameWithItsStoredHash_S17() {
        provisionDemo();
        JdbcAccountStore accounts = new JdbcAccountStore(database);
        WebAccount noc = accounts.find(AccountName.of("noc")).orElseThrow();
        assertThat(noc.role()).isEqualTo(Role.NOC);
        assertThat(noc.tenant()).isEmpty();
        assertThat(((AccountSecret.Hashed) noc.secret()).hash().verifies("noc-secret")).isTrue();
        WebAccount fjordAdmin = accounts.find(AccountName.of("fjord-admin")).orElseThrow();
        assertThat(fjordAdmin.tenant()).contains(FJORD);
        assertThat(fjordAdmin.role()).isEqualTo(Role.CONTACT_PERSON);
        assertThat(accounts.find(AccountName.of("nobody"))).isEmpty();
    }

    @Test
    void operatorAccountsArePutAndRemovedKeepingASystemAdmin_S17() {
        provisionDemo();
        WebAccount ops = new WebAccount(AccountName.of("ops"), Optional.empty(), Role.SYSTEM_ADMIN,
                new AccountSecret.Plain("ops-secret"), Optional.empty());
        WebAccount adminAsNoc = new WebAccount(AccountName.of("admin"), Optional.empty(), Role.NOC,
                new AccountSecret.Plain("admin-secret"), Optional.empty());
        assertThatThrownBy(() -> provisioner.putOperatorAccount(adminAsNoc))
                .isInstanceOf(ProvisioningConflictException.class).hasMessageContaining("last system admin");
        assertThatThrownBy(() -> provisioner.removeOperatorAccount(AccountName.of("admin")))
                .isInstanceOf(ProvisioningConflictException.class).hasMessageContaining("last system admin");
        assertThatThrownBy(() -> provisioner.putOperatorAccount(new WebAccount(AccountName.of("fjord-admin"),
                Optional.empty(), Role.NOC, new AccountSecret.Plain("x-secret-1"), Optional.empty())))
                .isInstanceOf(ProvisioningConflictException.class).hasMessageContaining("used by a customer");
        assertThat(tenants.loadOperatorAccounts()).extracting(a -> a.name().value(), WebAccount::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", Role.SYSTEM_ADMIN),
                        org.assertj.core.groups.Tuple.tuple("noc", Role.NOC));

        provisioner.putOperatorAccount(ops);
        provisioner.putOperatorAccount(adminAsNoc);
        assertThat(provisioner.removeOperatorAccount(AccountName.of("fjord-admin"))).as("a customer's").isFalse();
        assertThat(provisioner.removeOperatorAccount(AccountName.of("admin"))).isTrue();
        assertThat(provisioner.removeOperatorAccount(AccountName.of("admin"))).isFalse();
        assertThat(tenants.loadOperatorAccounts()).extracting(a -> a.name().value(), WebAccount::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("noc", Role.NOC),
                        org.assertj.core.groups.Tuple.tuple("ops", Role.SYSTEM_ADMIN));
        assertThat(new JdbcAccountStore(database).find(AccountName.of("fjord-admin"))).isPresent();
    }

    @Test
    void apiTokensAreKeptAsHashesUsedAndRevoked_S17() {
        JdbcApiTokens tokens = new JdbcApiTokens(database, clock, new SecureRandom());
        AccountName noc = AccountName.of("noc");
        io.sentral.core.account.ApiTokens.Issued issued = tokens.issue(noc, "prometheus");
        assertThat(issued.secret()).startsWith("stl_").hasSizeGreaterThan(40);
        assertThat(allRows("api_tokens", "id").toString()).doesNotContain(issued.secret());
        clock.advance(java.time.Duration.ofMinutes(5));
        assertThat(tokens.use(issued.secret())).hasValueSatisfying(t -> {
            assertThat(t.owner()).isEqualTo(noc);
            assertThat(t.name()).isEqualTo("prometheus");
        });
        assertThat(tokens.of(noc)).singleElement().satisfies(t -> assertThat(t.lastUsed())
                .contains(Jdbc.storable(clock.instant())));
        assertThat(tokens.use(issued.secret() + "x")).isEmpty();
        assertThat(tokens.revoke(AccountName.of("admin"), issued.token().id())).as("only its owner's").isFalse();
        assertThat(tokens.revoke(noc, issued.token().id())).isTrue();
        assertThat(tokens.use(issued.secret())).isEmpty();
    }

    @Test
    void theAuditLogKeepsWhoDidWhatWhenAndFromWhere_S17() {
        JdbcAuditLog audit = new JdbcAuditLog(database);
        io.sentral.core.account.AuditLog.Entry first = new io.sentral.core.account.AuditLog.Entry(
                Jdbc.storable(clock.instant()), "fjord-admin", Optional.of("fjord"), "127.0.0.1",
                "PUT /api/customers/fjord/users/alice", 200);
        io.sentral.core.account.AuditLog.Entry second = new io.sentral.core.account.AuditLog.Entry(
                Jdbc.storable(clock.instant()), "intruder", Optional.empty(), "192.0.2.7", "POST /api/session", 401);
        audit.record(first);
        audit.record(second);
        assertThat(audit.recent(Optional.empty(), 10)).containsExactly(second, first);
        assertThat(audit.recent(Optional.of("fjord"), 10)).containsExactly(first);
        assertThat(audit.recent(Optional.empty(), 1)).containsExactly(second);
    }

    @Test
    void theQueueHistoryFollowsACallerThroughQueuesAndItsFollowUp_S12_S18() {
        JdbcQueueHistory history = new JdbcQueueHistory(database);
        io.sentral.core.switchboard.QueueName main = io.sentral.core.switchboard.QueueName.of("Sentralbord");
        io.sentral.core.switchboard.QueueName support = io.sentral.core.switchboard.QueueName.of("Support");
        Instant t0 = Jdbc.storable(clock.instant());
        history.joined("a@x", FJORD, main, t0, true, Optional.empty());
        history.answered("a@x", main, t0.plusSeconds(7), UserId.of("alice"), java.time.Duration.ofSeconds(7));
        history.talked("a@x", main, java.time.Duration.ofSeconds(61));
        JdbcCallRecordStore records = new JdbcCallRecordStore(database);
        records.onEvent(new CallEvent.Transferred("a@x", t0.plusSeconds(30), "alice", "103", false));
        records.onEvent(new CallEvent.Transferred("a@x", t0.plusSeconds(50), "carol", "+4790000001", false));
        history.joined("b@x", FJORD, main, t0.plusSeconds(1), false, Optional.empty());
        history.left("b@x", main, "overflowed", t0.plusSeconds(61), Optional.of(java.time.Duration.ofSeconds(60)),
                Optional.of("queue Support"));
        history.joined("b@x", FJORD, support, t0.plusSeconds(61), false, Optional.of(main));
        history.left("b@x", support, "abandoned", t0.plusSeconds(70), Optional.of(java.time.Duration.ofSeconds(9)),
                Optional.empty());

        List<io.sentral.core.switchboard.QueueCallEntry> log = history.calls(FJORD, main, t0, t0.plusSeconds(3600));
        assertThat(log).hasSize(2);
        assertThat(log.get(0).agent()).contains(UserId.of("alice"));
        assertThat(log.get(0).waited()).contains(java.time.Duration.ofSeconds(7));
        assertThat(log.get(0).talked()).contains(java.time.Duration.ofSeconds(61));
        assertThat(log.get(0).vip()).isTrue();
        assertThat(log.get(0).transferredTo()).as("the first transfer after joining").contains("103");
        assertThat(log.get(1).transferredTo()).isEmpty();
        assertThat(log.get(1).outcome()).contains("overflowed");
        assertThat(log.get(1).overflowTarget()).contains("queue Support");
        assertThat(log.get(1).followUp()).as("overflowed is not missed: it went on").isEmpty();

        List<io.sentral.core.switchboard.QueueCallEntry> missed = history.missed(FJORD, t0, t0.plusSeconds(3600));
        assertThat(missed).singleElement().satisfies(m -> {
            assertThat(m.queue()).isEqualTo(support);
            assertThat(m.overflowedFrom()).contains(main);
            assertThat(m.followUp()).contains("unanswered");
        });
        long id = missed.getFirst().id();
        assertThat(history.followUp(ACME, id, "handled", "intruder", t0)).as("another customer's").isFalse();
        assertThat(history.followUp(FJORD, id, "handled", "alice", t0.plusSeconds(300))).isTrue();
        assertThat(history.missed(FJORD, t0, t0.plusSeconds(3600)).getFirst().followUpBy()).contains("alice");
        assertThatThrownBy(() -> history.followUp(FJORD, id, "lost", "alice", t0))
                .hasMessageContaining("unknown follow-up 'lost'");
        history.offered("a@x", FJORD, main, List.of(UserId.of("alice"), UserId.of("bob")), t0.plusSeconds(1));
        history.missedBy("a@x", main, UserId.of("bob"));
        List<io.sentral.core.switchboard.AgentStatistics> stats = history.agentStatistics(FJORD,
                List.of(UserId.of("alice"), UserId.of("bob"), UserId.of("carol")), t0, t0.plusSeconds(3600));
        assertThat(stats.get(0).offered()).isEqualTo(1);
        assertThat(stats.get(0).answered()).isEqualTo(1);
        assertThat(stats.get(0).averageTalk()).isEqualTo(java.time.Duration.ofSeconds(61));
        assertThat(stats.get(0).answerPercent()).contains(100.0);
        assertThat(stats.get(1).answerPercent()).contains(0.0);
        assertThat(stats.get(2).answerPercent()).as("nothing offered").isEmpty();
        assertThat(history.deleteBefore(FJORD, t0.plusSeconds(30))).isEqualTo(2);
        assertThat(history.calls(FJORD, main, t0, t0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void usersCallLogsAndCallbacksOfMissedQueueCalls_S12_S18() {
        JdbcUserCallLog log = new JdbcUserCallLog(database);
        JdbcCallRecordStore records = new JdbcCallRecordStore(database);
        JdbcQueueHistory history = new JdbcQueueHistory(database);
        io.sentral.core.switchboard.QueueName main = io.sentral.core.switchboard.QueueName.of("Sentralbord");
        Instant t0 = Jdbc.storable(clock.instant());
        records.onEvent(new io.sentral.core.call.CallEvent.Started("m@x", t0, io.sentral.core.call.CallDirection.INBOUND,
                Optional.of(FJORD), Optional.empty(), "+4799999999", "+4723450000", "127.0.0.2"));
        history.joined("m@x", FJORD, main, t0, false, Optional.empty());
        history.left("m@x", main, "abandoned", t0.plusSeconds(5), Optional.of(java.time.Duration.ofSeconds(5)),
                Optional.empty());
        assertThat(history.calledBack(FJORD, "4712345678", "bob", true, t0.plusSeconds(60), t0)).as("another number")
                .isEmpty();
        assertThat(history.calledBack(ACME, "99999999", "bob", true, t0.plusSeconds(60), t0)).as("another customer")
                .isEmpty();
        assertThat(history.calledBack(FJORD, "99999999", "bob", false, t0.plusSeconds(60), t0)).containsExactly(main);
        assertThat(history.missed(FJORD, t0, t0.plusSeconds(3600)).getFirst().followUp()).contains("callback-attempted");
        assertThat(history.calledBack(FJORD, "+4799999999", "alice", true, t0.plusSeconds(90), t0)).containsExactly(main);
        assertThat(history.calledBack(FJORD, "+4799999999", "bob", true, t0.plusSeconds(95), t0)).as("handled already")
                .isEmpty();
        assertThat(history.missed(FJORD, t0, t0.plusSeconds(3600)).getFirst().followUpBy()).contains("alice");

        io.sentral.core.switchboard.UserCallEntry line = new io.sentral.core.switchboard.UserCallEntry(FJORD,
                UserId.of("alice"), "c@x", false, "99999999", t0.plusSeconds(60), true,
                java.time.Duration.ofSeconds(42), Optional.empty());
        log.add(line);
        assertThat(log.of(FJORD, UserId.of("alice"), t0, t0.plusSeconds(3600))).containsExactly(line);
        assertThat(log.of(FJORD, UserId.of("bob"), t0, t0.plusSeconds(3600))).isEmpty();
        assertThat(log.deleteBefore(t0.plusSeconds(61))).isEqualTo(1);
    }

    @Test
    void anotherCustomersNumbersAreRefusedAndNothingChanges() {
        provisionDemo();
        Map<String, Long> before = rowCounts();
        CustomerProvisioning intruder = new CustomerProvisioning(
                new Customer(TenantId.of("intruder"), "Intruder AS", Country.NO), List.of(),
                List.of(new RangeAssignment(TenantId.of("intruder"), NumberRange.of("+4722120090", "+4722120190"),
                        Optional.empty())),
                List.of(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), java.util.Set.of(), List.of());
        assertThatThrownBy(() -> provisioner.apply(intruder, "admin"))
                .isInstanceOf(ProvisioningConflictException.class)
                .hasMessage("customer intruder: range +4722120090-+4722120190 overlaps +4722120000-+4722120099"
                        + " of customer acme");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void removingACustomerKeepsItsAddressHistory() {
        provisionDemo();
        clock.advance(Duration.ofDays(1));
        provisioner.remove(ACME, "admin");
        assertThat(tenants.current().customer(ACME)).isEmpty();
        assertThat(rowCounts()).containsEntry("customers", 2L).containsEntry("trunks", 1L)
                .containsEntry("number_ranges", 2L).containsEntry("emergency_addresses", 3L);
        assertThat(addresses.history(ACME)).singleElement().satisfies(v -> {
            assertThat(v.endedBy()).contains("admin");
            assertThat(v.validTo()).contains(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        });
        assertThat(addresses.addressOf(E164Number.of("+4722120005"))).isEmpty();
    }

    @Test
    void emergencyAddressChangesKeepHistoryAndCoverageShowsGaps() {
        provisionDemo();
        Instant provisionedAt = Jdbc.storable(clock.instant());
        E164Number reception = E164Number.of("+4722120005");
        E164Number noAddress = E164Number.of("+4722120099");
        assertThat(addresses.addressOf(reception).map(CivicAddress::oneLine)).contains("Storgata 1, 0155 Oslo, NO");
        assertThat(addresses.addressOf(noAddress)).isEmpty();
        assertThat(addresses.numbersWithoutAddress(ACME)).containsExactly(NumberRange.single(noAddress));
        assertThat(addresses.numbersWithoutAddress(FJORD)).isEmpty();

        clock.advance(Duration.ofHours(2));
        Instant movedAt = Jdbc.storable(clock.instant());
        CivicAddress moved = new CivicAddress("Storgata", "2", "0155", "Oslo", Country.NO, Optional.of("3"),
                Optional.empty());
        CivicAddress branch = CivicAddress.of("Torget", "1", "1606", "Fredrikstad", Country.NO);
        CustomerProvisioning acme = Demo.customer("acme");
        provisioner.apply(Edit.addresses(acme, List.of(
                new EmergencyAddressAssignment(ACME, NumberRange.of("+4722120000", "+4722120099"), moved),
                new EmergencyAddressAssignment(ACME, NumberRange.single(reception), branch))), "acme-admin");

        assertThat(addresses.addressOf(reception)).as("most specific assignment").contains(branch);
        assertThat(addresses.addressOf(E164Number.of("+4722120006"))).contains(moved);
        assertThat(addresses.addressOf(noAddress)).contains(moved);
        assertThat(addresses.numbersWithoutAddress(ACME)).isEmpty();
        List<EmergencyAddressVersion> history = addresses.history(ACME);
        assertThat(history).hasSize(3);
        assertThat(history.getFirst()).satisfies(v -> {
            assertThat(v.assignment().address().oneLine()).isEqualTo("Storgata 1, 0155 Oslo, NO");
            assertThat(v.validFrom()).isEqualTo(provisionedAt);
            assertThat(v.changedBy()).isEqualTo(CONFIG);
            assertThat(v.validTo()).contains(movedAt);
            assertThat(v.endedBy()).contains("acme-admin");
        });
        assertThat(history.subList(1, 3)).allSatisfy(v -> {
            assertThat(v.current()).isTrue();
            assertThat(v.validFrom()).isEqualTo(movedAt);
            assertThat(v.changedBy()).isEqualTo("acme-admin");
        });
        assertThat(tenants.current().emergencyAddressOf(reception)).contains(branch);
    }

    // Trunk policy (issue 3): monthly cost limits (T8), portability (T9), Nordic numbers (T10) -----------

    private static final E164Number PORTED = E164Number.of("+4799887766");
    private static final Instant PORTING = Instant.parse("2026-12-01T00:00:00Z");
    private static final TrunkId ACME_PBX = TrunkId.of("acme-pbx");

    private static SentralConfig reference() {
        return ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.REFERENCE_RESOURCE);
    }

    private static CustomerProvisioning acmeWithPolicy(Optional<BigDecimal> limit, List<PortedIn> portedIn) {
        return Edit.policy(Demo.customer("acme"), limit, portedIn);
    }

    private static PortedIn portedToAcme(Optional<TrunkId> trunk, Instant from) {
        return new PortedIn(ACME, PORTED, trunk, from);
    }

    @Test
    void provisioningTheReferenceTwiceLeavesTheSameRows() {
        provisioner.provision(reference(), "config:reference.yaml");
        Map<String, Long> once = rowCounts();
        List<List<String>> portedInOnce = allRows("ported_in_numbers", "phone_number");
        List<List<String>> portedOutOnce = allRows("ported_out_numbers", "phone_number");
        List<List<String>> customersOnce = allRows("customers", "id");

        clock.advance(Duration.ofMinutes(5));
        provisioner.provision(reference(), "config:reference.yaml");

        assertThat(rowCounts()).isEqualTo(once).containsEntry("ported_in_numbers", 2L)
                .containsEntry("ported_out_numbers", 2L);
        assertThat(allRows("ported_in_numbers", "phone_number")).as("unchanged rows keep changed_at")
                .isEqualTo(portedInOnce);
        assertThat(allRows("ported_out_numbers", "phone_number")).isEqualTo(portedOutOnce);
        assertThat(allRows("customers", "id")).isEqualTo(customersOnce);
    }

    @Test
    void theReferenceReadsBackWithItsCostLimitAndPortability() {
        SentralConfig reference = reference();
        provisioner.provision(reference, "config:reference.yaml");

        assertThat(tenants.loadAll().stream().map(Edit::withoutAccounts).toList())
                .containsExactlyElementsOf(reference.customers().stream().map(Edit::withoutAccounts).toList());
        assertThat(tenants.loadPortedOut()).containsExactlyInAnyOrderElementsOf(reference.portedOut().orElseThrow());

        TenantSnapshot snapshot = tenants.current();
        TenantId example = TenantId.of("example");
        assertThat(snapshot.monthlyCostLimit(example)).contains(new BigDecimal("5000.00"));
        assertThat(snapshot.portability().portedIn(PORTED)).contains(new PortedIn(example, PORTED,
                Optional.of(TrunkId.of("example-pbx")), PORTING));
        assertThat(snapshot.portability().portedOut(E164Number.of("+4791234567"))).contains(new PortedOut(
                E164Number.of("+4791234567"), Optional.of("1601"), Optional.of("carrier-1")));
        assertThat(snapshot.portability().allPortedOut()).hasSize(2);
        assertThat(snapshot.portability().allPortedIn()).hasSize(2);
    }

    @Test
    void costLimitAndPortedInNumbersAreChangedAndRemoved() {
        provisionDemo();
        provisioner.apply(acmeWithPolicy(Optional.of(new BigDecimal("1000.50")),
                List.of(portedToAcme(Optional.of(ACME_PBX), PORTING))), "acme-admin");
        assertThat(tenants.current().monthlyCostLimit(ACME)).contains(new BigDecimal("1000.50"));
        assertThat(tenants.current().portability().portedIn(PORTED)).contains(portedToAcme(Optional.of(ACME_PBX),
                PORTING));
        assertThat(tenants.load(ACME).orElseThrow().portedIn()).containsExactly(portedToAcme(Optional.of(ACME_PBX),
                PORTING));
        assertThat(allRows("ported_in_numbers", "phone_number")).singleElement()
                .satisfies(row -> assertThat(row).contains("acme-admin"));

        clock.advance(Duration.ofHours(1));
        Instant later = PORTING.plus(Duration.ofDays(7));
        provisioner.apply(acmeWithPolicy(Optional.of(new BigDecimal("0")),
                List.of(portedToAcme(Optional.empty(), later))), "noc-bob");
        assertThat(tenants.current().monthlyCostLimit(ACME)).contains(new BigDecimal("0.00"));
        assertThat(tenants.current().portability().portedIn(PORTED)).contains(portedToAcme(Optional.empty(), later));
        assertThat(allRows("ported_in_numbers", "phone_number")).singleElement()
                .satisfies(row -> assertThat(row).contains("noc-bob"));

        provisioner.apply(Demo.customer("acme"), "acme-admin");
        assertThat(tenants.current().monthlyCostLimit(ACME)).isEmpty();
        assertThat(tenants.current().portability().allPortedIn()).isEmpty();
        assertThat(rowCounts()).containsEntry("ported_in_numbers", 0L);
    }

    @Test
    void aPortedInNumberMayLoseItsTrunkInTheSameChange() {
        provisionDemo();
        provisioner.apply(acmeWithPolicy(Optional.empty(), List.of(portedToAcme(Optional.of(ACME_PBX), PORTING))),
                "acme-admin");
        CustomerProvisioning acme = Demo.customer("acme");
        List<RangeAssignment> unassigned = acme.ranges().stream()
                .map(r -> new RangeAssignment(r.tenant(), r.range(), Optional.empty())).toList();
        provisioner.apply(Edit.policy(Edit.trunks(acme, List.of(), unassigned), Optional.empty(),
                List.of(portedToAcme(Optional.empty(), PORTING))), "acme-admin");
        assertThat(tenants.current().trunk(ACME_PBX)).isEmpty();
        assertThat(tenants.current().portability().portedIn(PORTED)).contains(portedToAcme(Optional.empty(), PORTING));
    }

    @Test
    void removingACustomerRemovesItsPortedInNumbers() {
        provisionDemo();
        provisioner.apply(acmeWithPolicy(Optional.empty(), List.of(portedToAcme(Optional.of(ACME_PBX), PORTING))),
                "acme-admin");
        provisioner.remove(ACME, "admin");
        assertThat(rowCounts()).containsEntry("ported_in_numbers", 0L).containsEntry("trunks", 1L);
        assertThat(tenants.current().portability().allPortedIn()).isEmpty();
    }

    @Test
    void aPortedInNumberInAnotherCustomersRangeIsRefusedAndNothingChanges() {
        provisionDemo();
        Map<String, Long> before = rowCounts();
        CustomerProvisioning svea = Edit.policy(Demo.customer("svea"), Optional.of(new BigDecimal("100")),
                List.of(new PortedIn(TenantId.of("svea"), E164Number.of("+4722120005"), Optional.empty(), PORTING)));
        assertThatThrownBy(() -> provisioner.apply(svea, "admin"))
                .isInstanceOf(ProvisioningConflictException.class)
                .hasMessage("customer svea: ported-in number +4722120005 is in the range +4722120000-+4722120099 of"
                        + " customer acme");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(tenants.load(TenantId.of("svea")).orElseThrow().monthlyCostLimit()).isEmpty();
    }

    @Test
    void aRangeOverAnotherCustomersPortedInNumberIsRefused() {
        provisionDemo();
        provisioner.apply(acmeWithPolicy(Optional.empty(), List.of(portedToAcme(Optional.empty(), PORTING))),
                "acme-admin");
        TenantId intruder = TenantId.of("intruder");
        CustomerProvisioning overlapping = new CustomerProvisioning(new Customer(intruder, "Intruder AS", Country.NO),
                List.of(), List.of(new RangeAssignment(intruder, NumberRange.of("+4799887700", "+4799887799"),
                Optional.empty())), List.of(), Optional.empty(), List.of(), List.of(), List.of(), List.of(),
                java.util.Set.of(), List.of());
        assertThatThrownBy(() -> provisioner.apply(overlapping, "admin"))
                .isInstanceOf(ProvisioningConflictException.class)
                .hasMessage("customer intruder: range +4799887700-+4799887799 contains +4799887766, ported in to"
                        + " customer acme");
        CustomerProvisioning fjordTakingIt = Edit.policy(Demo.customer("fjord"), Optional.empty(),
                List.of(new PortedIn(FJORD, PORTED, Optional.empty(), PORTING)));
        assertThatThrownBy(() -> provisioner.apply(fjordTakingIt, "admin"))
                .isInstanceOf(ProvisioningConflictException.class)
                .hasMessage("customer fjord: ported-in number +4799887766 is ported in to customer acme");
    }

    @Test
    void theOperatorsPortedOutTableIsReplacedIdempotently() {
        AtomicReference<TenantSnapshot> pushed = new AtomicReference<>();
        tenants.subscribe(pushed::set);
        PortedOut first = new PortedOut(E164Number.of("+4791234567"), Optional.of("1601"), Optional.of("carrier-2"));
        PortedOut second = new PortedOut(E164Number.of("+46701234567"), Optional.empty(), Optional.of("carrier-1"));
        provisioner.applyPortability(List.of(first, second), "noc-alice");
        assertThat(pushed.get().portability().portedOut(first.number())).contains(first);
        List<List<String>> rowsOnce = allRows("ported_out_numbers", "phone_number");

        clock.advance(Duration.ofMinutes(1));
        provisioner.applyPortability(List.of(second, first), "noc-bob");
        assertThat(allRows("ported_out_numbers", "phone_number")).as("no change, no write").isEqualTo(rowsOnce);

        PortedOut moved = new PortedOut(first.number(), Optional.of("1602"), Optional.empty());
        provisioner.applyPortability(List.of(moved, second), "noc-bob");
        assertThat(tenants.loadPortedOut()).containsExactlyInAnyOrder(moved, second);
        assertThat(allRows("ported_out_numbers", "phone_number")).filteredOn(row -> row.contains("noc-bob"))
                .singleElement().satisfies(row -> assertThat(row).contains("+4791234567"));

        provisioner.applyPortability(List.of(), "noc-bob");
        assertThat(rowCounts()).containsEntry("ported_out_numbers", 0L);
        assertThat(tenants.current().portability().allPortedOut()).isEmpty();
    }

    @Test
    void aNumberIsNotPortedInAndOutAtOnceButMayMoveInOneFile() {
        provisionDemo();
        provisioner.apply(acmeWithPolicy(Optional.empty(), List.of(portedToAcme(Optional.empty(), PORTING))),
                "acme-admin");
        PortedOut away = new PortedOut(PORTED, Optional.of("1601"), Optional.empty());
        assertThatThrownBy(() -> provisioner.applyPortability(List.of(away), "noc"))
                .isInstanceOf(ProvisioningConflictException.class)
                .hasMessage("numbers ported in and out at once: +4799887766 (ported in to customer acme)");
        assertThat(rowCounts()).containsEntry("ported_out_numbers", 0L).containsEntry("ported_in_numbers", 1L);

        SentralConfig moving = new SentralConfig(Demo.CONFIG.node(), Demo.CONFIG.gateways(), Demo.CONFIG.customers(),
                Demo.CONFIG.accounts(), Demo.CONFIG.numberPlan(), Optional.of(List.of(away)));
        provisioner.provision(moving, "config:sentral.yaml");
        assertThat(tenants.current().portability().portedIn(PORTED)).isEmpty();
        assertThat(tenants.current().portability().portedOut(PORTED)).contains(away);
    }

    @Test
    void withoutAPortabilitySectionTheFileLeavesTheTableAlone() {
        PortedOut kept = new PortedOut(E164Number.of("+4791234567"), Optional.of("1601"), Optional.empty());
        provisioner.applyPortability(List.of(kept), "api:noc");
        provisionDemo();
        assertThat(tenants.loadPortedOut()).containsExactly(kept);
    }

    @Test
    void whatTheDatabaseCannotHoldIsRefusedBeforeWriting() {
        provisionDemo();
        Map<String, Long> before = rowCounts();
        assertThatThrownBy(() -> provisioner.apply(acmeWithPolicy(Optional.of(new BigDecimal("10.005")), List.of()),
                "acme-admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer acme: monthly cost limit 10.005 has more than 2 decimals");
        assertThatThrownBy(() -> provisioner.apply(acmeWithPolicy(Optional.of(new BigDecimal("1E+13")), List.of()),
                "acme-admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer acme: monthly cost limit 10000000000000 is too large (at most 12 digits before"
                        + " the decimal point)");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void nonNordicNumbersCannotEvenBeMadeIntoAProvisioning() {
        TenantId dane = TenantId.of("dane");
        assertThatThrownBy(() -> new CustomerProvisioning(new Customer(dane, "Dane ApS", Country.NO), List.of(),
                List.of(new RangeAssignment(dane, NumberRange.single(E164Number.of("+4512345678")), Optional.empty())),
                List.of(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), java.util.Set.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer dane: range +4512345678 is not a Norwegian (+47) or Swedish (+46) number");
    }

    @Test
    void registrationsAreReplacedLoadedAndExpired() {
        JdbcRegistrationStore store = new JdbcRegistrationStore(database);
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        SipEndpoint source = new SipEndpoint("127.0.0.10", 5062, Transport.UDP);
        Binding first = new Binding("sip:acme-pbx@sentral.test", "sip:acme-pbx@127.0.0.10:5062", now.plusSeconds(3600),
                "reg-1", 1, source, 0.5f);
        Binding second = new Binding("sip:acme-pbx@sentral.test", "sip:acme-pbx@127.0.0.11:5060;transport=tcp",
                now.plusSeconds(60), "reg-2", 7, new SipEndpoint("127.0.0.11", 5060, Transport.TCP), 1.0f);
        Binding alice = new Binding("sip:alice@sentral.test", "sip:alice@127.0.0.20:5060", now.plusSeconds(30),
                "reg-3", 2, new SipEndpoint("127.0.0.20", 5060, Transport.UDP), 1.0f);

        store.replace(first.aor(), List.of(first, second));
        store.replace(alice.aor(), List.of(alice));
        assertThat(store.loadActive(now)).containsExactly(second, first, alice);

        Binding refreshed = new Binding(first.aor(), first.contactUri(), now.plusSeconds(7200), "reg-1", 2, source, 0.5f);
        store.replace(first.aor(), List.of(refreshed));
        assertThat(store.loadActive(now)).containsExactly(refreshed, alice);

        assertThat(store.loadActive(now.plusSeconds(30))).containsExactly(refreshed);
        assertThat(store.deleteExpired(now.plusSeconds(30))).isEqualTo(1);
        assertThat(store.deleteExpired(now.plusSeconds(30))).isZero();
        store.replace(first.aor(), List.of());
        assertThat(store.loadActive(now)).isEmpty();
    }

    @Test
    void callRecordLifecycle() {
        JdbcCallRecordStore store = new JdbcCallRecordStore(database);
        Instant t0 = Instant.parse("2026-03-01T10:00:00.123456Z");
        store.onEvent(new CallEvent.Started("call-1", t0, CallDirection.INBOUND, Optional.of(ACME),
                Optional.of(TrunkId.of("acme-pbx")), "+4790000001", "+4722120005", "127.0.0.2:5060"));
        assertThat(store.find("call-1")).hasValueSatisfying(r -> {
            assertThat(r.completed()).isFalse();
            assertThat(r.answeredAt()).isEmpty();
            assertThat(r.status()).isEmpty();
        });
        store.onEvent(new CallEvent.Answered("call-1", t0.plusSeconds(3)));
        store.onEvent(new CallEvent.Ended("call-1", t0.plusSeconds(63), 200, EndCause.CALLER_HANGUP));
        store.onEvent(new CallEvent.Ended("call-1", t0.plusSeconds(99), 500, EndCause.FAILED));
        store.onEvent(new CallEvent.Started("call-1", t0.plusSeconds(1), CallDirection.OUTBOUND, Optional.empty(),
                Optional.empty(), "x", "y", "z"));

        CallRecord expected = new CallRecord("call-1", CallDirection.INBOUND, Optional.of(ACME),
                Optional.of(TrunkId.of("acme-pbx")), "+4790000001", "+4722120005", "127.0.0.2:5060", t0,
                Optional.of(t0.plusSeconds(3)), Optional.of(t0.plusSeconds(63)), Optional.of(200),
                Optional.of(EndCause.CALLER_HANGUP));
        assertThat(store.find("call-1")).contains(expected);

        store.onEvent(new CallEvent.Started("call-2", t0.plusSeconds(10), CallDirection.OUTBOUND, Optional.of(ACME),
                Optional.empty(), "+4722120000", "+4799999999", "127.0.0.10:5062"));
        store.onEvent(new CallEvent.Ended("call-2", t0.plusSeconds(12), 486, EndCause.REJECTED));
        assertThat(store.recent(10)).extracting(CallRecord::callId).containsExactly("call-2", "call-1");
        assertThat(store.recent(1)).extracting(CallRecord::callId).containsExactly("call-2");
        assertThat(store.find("call-2").flatMap(CallRecord::answeredAt)).isEmpty();
        assertThat(store.find("unknown")).isEmpty();
    }

    @Test
    void aCallKeepsItsChainOfTransfers_S8() {
        JdbcCallRecordStore store = new JdbcCallRecordStore(database);
        Instant t0 = Instant.parse("2026-03-01T10:00:00.123456Z");
        store.onEvent(new CallEvent.Started("call-t", t0, CallDirection.INBOUND, Optional.of(ACME), Optional.empty(),
                "+4790000001", "+4723450101", "127.0.0.2:5060"));
        store.onEvent(new CallEvent.Transferred("call-t", t0.plusSeconds(30), "alice", "103", false));
        store.onEvent(new CallEvent.Transferred("call-t", t0.plusSeconds(90), "carol", "other-call@127.0.0.1", true));
        store.onEvent(new CallEvent.Ended("call-t", t0.plusSeconds(120), 200, EndCause.TRANSFERRED));

        assertThat(store.transfersOf("call-t")).containsExactly(
                new CallEvent.Transferred("call-t", t0.plusSeconds(30), "alice", "103", false),
                new CallEvent.Transferred("call-t", t0.plusSeconds(90), "carol", "other-call@127.0.0.1", true));
        assertThat(store.find("call-t").flatMap(CallRecord::cause)).hasValue(EndCause.TRANSFERRED);
        assertThat(store.transfersOf("call-other")).isEmpty();
    }

    private static void started(JdbcCallRecordStore store, String callId, Instant at, Optional<TenantId> tenant) {
        store.onEvent(new CallEvent.Started(callId, at, CallDirection.OUTBOUND, tenant, Optional.empty(),
                "+4722120005", "+4790000001", "127.0.0.2:5060"));
    }

    /** R1/R2: the CDR export reads the records started in [from, to), per customer or all, and the transferred ones. */
    @Test
    void callRecordsOfAPeriodAndWhichOfThemWereTransferred_R1() {
        JdbcCallRecordStore store = new JdbcCallRecordStore(database);
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-04-01T00:00:00Z");
        started(store, "before", from.minusNanos(1_000), Optional.of(ACME));
        started(store, "last", to.minusNanos(1_000), Optional.of(ACME));
        started(store, "at-to", to, Optional.of(ACME));
        started(store, "b-tie", from.plusSeconds(10), Optional.of(ACME));
        started(store, "a-tie", from.plusSeconds(10), Optional.of(ACME));
        started(store, "fjord-1", from.plusSeconds(5), Optional.of(FJORD));
        started(store, "carrier", from.plusSeconds(20), Optional.empty());
        started(store, "first", from, Optional.of(ACME));
        store.onEvent(new CallEvent.Answered("first", from.plusSeconds(2)));
        store.onEvent(new CallEvent.Transferred("first", from.plusSeconds(30), "alice", "103", false));
        store.onEvent(new CallEvent.Transferred("first", from.plusSeconds(60), "carol", "+4790000002", true));
        store.onEvent(new CallEvent.Ended("first", from.plusSeconds(90), 200, EndCause.TRANSFERRED));
        store.onEvent(new CallEvent.Transferred("fjord-1", from.plusSeconds(9), "bob", "101", false));
        store.onEvent(new CallEvent.Transferred("at-to", to.plusSeconds(9), "bob", "101", false));
        store.onEvent(new CallEvent.Transferred("before", from.plusSeconds(9), "bob", "101", false));

        assertThat(store.between(Optional.of(ACME), from, to)).extracting(CallRecord::callId)
                .as("from inclusive, to exclusive, by start then Call-ID").containsExactly("first", "a-tie", "b-tie", "last");
        assertThat(store.between(Optional.empty(), from, to)).extracting(CallRecord::callId)
                .containsExactly("first", "fjord-1", "a-tie", "b-tie", "carrier", "last");
        assertThat(store.between(Optional.of(FJORD), from, from.plusSeconds(5))).isEmpty();
        assertThat(store.between(Optional.of(ACME), from, to).getFirst()).isEqualTo(new CallRecord("first",
                CallDirection.OUTBOUND, Optional.of(ACME), Optional.empty(), "+4722120005", "+4790000001",
                "127.0.0.2:5060", from, Optional.of(from.plusSeconds(2)), Optional.of(from.plusSeconds(90)),
                Optional.of(200), Optional.of(EndCause.TRANSFERRED)));
        assertThat(store.transferredBetween(from, to)).as("once per call, only calls started in the period")
                .containsExactlyInAnyOrder("first", "fjord-1");
    }

    // Switchboard users' services (S1, S7, S9, S6) and absences (S6) ------------------------------

    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");

    private static User withServices(User u, boolean extraTerminal, Forwarding forwarding, Presentation presentation,
                                     Optional<URI> feed) {
        return new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(), u.extension(),
                u.sipCredentials(), u.mobile(), u.directNumber(), extraTerminal, forwarding, presentation, feed);
    }

    private static CustomerProvisioning fjordWith(User changedAlice) {
        CustomerProvisioning fjord = Demo.customer("fjord");
        List<User> users = fjord.users().stream().map(u -> u.id().equals(ALICE) ? changedAlice : u).toList();
        return Edit.switchboard(fjord, users, fjord.queues(), fjord.webAccounts());
    }

    @Test
    void usersServicesAreStoredChangedAndResetToTheirDefaults() {
        provisionDemo();
        User alice = Demo.customer("fjord").users().getFirst();
        Forwarding everywhere = new Forwarding(Optional.of(new CallTarget.ToNumber(E164Number.of("+4791000101"))),
                Optional.of(new CallTarget.ToQueue(QueueName.of("Support"))), Optional.of(new CallTarget.ToUser(BOB)),
                Duration.ofMillis(12_500), Optional.of(new CallTarget.ToUser(CAROL)));
        User busy = withServices(alice, true, everywhere, new Presentation.QueueNumber(QueueName.of("Sentralbord")),
                Optional.of(URI.create("https://calendar.example.com/alice.ics?key=a%20b")));
        provisioner.apply(fjordWith(busy), "fjord-admin");
        assertThat(tenants.load(FJORD).orElseThrow().users()).first().isEqualTo(busy);
        assertThat(tenants.current().userByUsername("alice")).contains(busy);

        for (Presentation p : List.of(new Presentation.MainNumber(), new Presentation.Mobile(), Presentation.DEFAULT)) {
            User presenting = withServices(alice, false, Forwarding.NONE, p, Optional.empty());
            provisioner.apply(fjordWith(presenting), "fjord-admin");
            assertThat(tenants.load(FJORD).orElseThrow().users()).first().isEqualTo(presenting);
        }
        assertThat(tenants.load(FJORD).orElseThrow().users()).first().isEqualTo(alice);
        assertThat(allRows("users", "id").getFirst()).as("forwarding columns cleared")
                .doesNotContain("USER", "QUEUE", "NUMBER", "bob", "carol", "Support");
    }

    private static Absence absence(UserId user, AbsenceReason reason, String start, Optional<String> end,
                                   Absence.Source source) {
        return new Absence(user, reason, Instant.parse(start), end.map(Instant::parse),
                source == Absence.Source.MANUAL ? Optional.of(E164Number.of("+4791000103")) : Optional.empty(), source);
    }

    private static Absence manual(UserId user, String start, Optional<String> end) {
        return absence(user, AbsenceReason.LUNCH, start, end, Absence.Source.MANUAL);
    }

    private static Absence calendar(UserId user, AbsenceReason reason, String start, String end) {
        return absence(user, reason, start, Optional.of(end), Absence.Source.CALENDAR);
    }

    @Test
    void absencesAreAnsweredFromMemoryAndWrittenThrough() {
        provisionDemo();
        JdbcAbsenceStore store = new JdbcAbsenceStore(database);
        assertThat(store.absencesOf(ALICE)).isEmpty();
        Absence lunch = manual(ALICE, "2026-03-01T11:00:00.123456789Z", Optional.of("2026-03-01T11:30:00Z"));
        Absence away = manual(ALICE, "2026-03-01T08:00:00Z", Optional.empty());
        store.add(lunch);
        store.add(away);

        Absence lunchAsStored = new Absence(ALICE, AbsenceReason.LUNCH, Instant.parse("2026-03-01T11:00:00.123456Z"),
                lunch.end(), lunch.forwardTo(), Absence.Source.MANUAL);
        assertThat(store.absencesOf(ALICE)).as("earliest first, to the microsecond").containsExactly(away, lunchAsStored);
        assertThat(store.absenceAt(ALICE, Instant.parse("2026-03-01T11:10:00Z"))).contains(lunchAsStored);
        assertThat(store.absenceAt(ALICE, Instant.parse("2026-03-01T12:00:00Z"))).contains(away);
        assertThat(new JdbcAbsenceStore(database).absencesOf(ALICE)).as("in the database")
                .containsExactly(away, lunchAsStored);
        assertThat(rowCounts()).containsEntry("absences", 2L);

        store.replaceCalendar(ALICE, List.of(calendar(ALICE, AbsenceReason.MEETING, "2026-03-02T09:00:00Z",
                "2026-03-02T10:00:00Z")));
        store.clearManual(ALICE);
        assertThat(store.absencesOf(ALICE)).extracting(Absence::source).containsExactly(Absence.Source.CALENDAR);
        assertThat(new JdbcAbsenceStore(database).absencesOf(ALICE)).isEqualTo(store.absencesOf(ALICE));
    }

    @Test
    void aCalendarSyncReplacesOnlyThatUsersCalendarAbsences() {
        provisionDemo();
        JdbcAbsenceStore store = new JdbcAbsenceStore(database);
        Absence manual = manual(ALICE, "2026-03-01T08:00:00Z", Optional.of("2026-03-01T16:00:00Z"));
        Absence bobsMeeting = calendar(BOB, AbsenceReason.MEETING, "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z");
        store.add(manual);
        store.replaceCalendar(BOB, List.of(bobsMeeting));
        Absence meeting = calendar(ALICE, AbsenceReason.MEETING, "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z");
        Absence vacation = calendar(ALICE, AbsenceReason.VACATION, "2026-03-09T00:00:00Z", "2026-03-14T00:00:00Z");
        store.replaceCalendar(ALICE, List.of(vacation, meeting));
        assertThat(store.absencesOf(ALICE)).containsExactly(manual, meeting, vacation);

        List<List<String>> rowsOnce = allRows("absences", "id");
        store.replaceCalendar(ALICE, List.of(meeting, vacation, meeting));
        assertThat(allRows("absences", "id")).as("an unchanged calendar writes nothing").isEqualTo(rowsOnce);

        Absence sick = calendar(ALICE, AbsenceReason.SICK, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
        store.replaceCalendar(ALICE, List.of(sick));
        assertThat(store.absencesOf(ALICE)).containsExactly(manual, sick);
        assertThat(store.absencesOf(BOB)).containsExactly(bobsMeeting);
        store.replaceCalendar(ALICE, List.of());
        assertThat(store.absencesOf(ALICE)).containsExactly(manual);
        assertThat(new JdbcAbsenceStore(database).absencesOf(ALICE)).containsExactly(manual);
        assertThat(rowCounts()).containsEntry("absences", 2L);
    }

    @Test
    void absencesSurviveARestart() throws Exception {
        provisionDemo();
        JdbcAbsenceStore store = new JdbcAbsenceStore(database);
        store.add(manual(CAROL, "2026-03-01T08:00:00.5Z", Optional.empty()));
        store.replaceCalendar(CAROL, List.of(calendar(CAROL, AbsenceReason.TRAVEL, "2026-03-03T06:00:00Z",
                "2026-03-05T18:00:00Z")));
        List<Absence> before = store.absencesOf(CAROL);

        database = reopenDatabase();
        JdbcAbsenceStore restarted = new JdbcAbsenceStore(database);
        assertThat(restarted.absencesOf(CAROL)).hasSize(2).isEqualTo(before);
        assertThat(restarted.absenceAt(CAROL, Instant.parse("2026-03-04T12:00:00Z")).map(Absence::reason))
                .contains(AbsenceReason.TRAVEL);
    }

    @Test
    void aRemovedUsersAbsencesGoWithTheUser() {
        provisionDemo();
        JdbcAbsenceStore store = new JdbcAbsenceStore(database);
        provisioner.addListener(store);
        store.add(manual(CAROL, "2026-03-01T08:00:00Z", Optional.empty()));
        store.add(manual(ALICE, "2026-03-01T08:00:00Z", Optional.empty()));
        CustomerProvisioning fjord = Demo.customer("fjord");
        List<User> withoutCarol = fjord.users().stream().filter(u -> !u.id().equals(CAROL)).toList();
        List<Queue> sentralbord = fjord.queues().stream().filter(q -> q.name().value().equals("Sentralbord"))
                .map(q -> new Queue(q.tenant(), q.name(), q.number(), q.members(), q.strategy(), q.ringTimeout(),
                        q.wrapUp(), q.maxWait(), q.maxWaiting(), Optional.empty())).toList();
        provisioner.apply(Edit.switchboard(fjord, withoutCarol, sentralbord, fjord.webAccounts()), "fjord-admin");
        assertThat(store.absencesOf(CAROL)).isEmpty();
        assertThat(store.absencesOf(ALICE)).hasSize(1);
        assertThat(rowCounts()).containsEntry("absences", 1L);
    }

    @Test
    void wrongAbsencesAndFailedWritesChangeNothing() {
        provisionDemo();
        JdbcAbsenceStore store = new JdbcAbsenceStore(database);
        Absence meeting = calendar(ALICE, AbsenceReason.MEETING, "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z");
        assertThatThrownBy(() -> store.add(meeting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendar absences of alice are replaced as a whole by replaceCalendar, not added");
        assertThatThrownBy(() -> store.replaceCalendar(BOB, List.of(meeting)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendar import of bob holds CALENDAR absence of alice");
        assertThatThrownBy(() -> store.replaceCalendar(ALICE,
                List.of(manual(ALICE, "2026-03-01T08:00:00Z", Optional.empty()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calendar import of alice holds MANUAL absence of alice");
        UserId ghost = UserId.of("ghost");
        assertThatThrownBy(() -> store.add(manual(ghost, "2026-03-01T08:00:00Z", Optional.empty())))
                .isInstanceOf(StorageException.class);
        assertThat(store.absencesOf(ghost)).isEmpty();
        assertThat(store.absencesOf(ALICE)).isEmpty();
        assertThat(rowCounts()).containsEntry("absences", 0L);
    }
}
