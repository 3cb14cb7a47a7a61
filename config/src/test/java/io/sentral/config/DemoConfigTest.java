package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Transport;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped demo file provisions exactly the deployment of DEMO.md. */
class DemoConfigTest {
    private final SentralConfig demo = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);

    private CustomerProvisioning customer(String id) {
        return demo.customers().stream().filter(c -> c.tenant().value().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listenersAndTimers() {
        SipSettings sip = demo.node().sip();
        assertThat(sip.listenAddress()).isEqualTo("127.0.0.1");
        assertThat(sip.port()).isEqualTo(5060);
        assertThat(sip.tlsPort()).isEqualTo(5061);
        assertThat(sip.transports()).containsExactly(Transport.UDP, Transport.TCP, Transport.TLS);
        assertThat(sip.domain()).isEqualTo("sentral.test");
        assertThat(sip.minExpires()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sip.maxExpires()).isEqualTo(Duration.ofHours(1));
        assertThat(sip.defaultExpires()).isEqualTo(Duration.ofHours(1));
        assertThat(sip.nonceTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sip.gatewayTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sip.lanes()).isEqualTo(4);
        assertThat(demo.node().http()).isEqualTo(new HttpSettings("127.0.0.1", 8080));
        assertThat(demo.node().database().isEmbedded()).isTrue();
        assertThat(demo.node().dataDir()).isEqualTo(Path.of("sentral-data"));
    }

    @Test
    void gateways() throws Exception {
        assertThat(demo.gateways()).containsExactly(
                new GatewaySettings("carrier-1", GatewayRole.CARRIER, new SipEndpoint("127.0.0.2", 5060, Transport.UDP),
                        List.of(IpRange.parse("127.0.0.2")), 1, List.of()),
                new GatewaySettings("carrier-2", GatewayRole.CARRIER, new SipEndpoint("127.0.0.3", 5060, Transport.UDP),
                        List.of(IpRange.parse("127.0.0.3")), 2, List.of()),
                new GatewaySettings("emergency", GatewayRole.EMERGENCY, new SipEndpoint("127.0.0.4", 5060, Transport.UDP),
                        List.of(IpRange.parse("127.0.0.4")), 1, List.of(Country.NO, Country.SE)));
    }

    @Test
    void trunkPolicyDefaults() {
        assertThat(demo.gateways()).allSatisfy(g -> assertThat(g.weight()).isEqualTo(1));
        assertThat(demo.numberPlan()).isEqualTo(NumberPlanSettings.nordicDefaults());
        assertThat(demo.portedOut()).as("the demo leaves the ported-out table alone").isEmpty();
        assertThat(demo.customers()).allSatisfy(c -> {
            assertThat(c.monthlyCostLimit()).isEmpty();
            assertThat(c.portedIn()).isEmpty();
        });
    }

    @Test
    void acmeHasARegistrationTrunkThatRejectsUnownedCallerIds() {
        CustomerProvisioning acme = customer("acme");
        assertThat(acme.customer().country()).isEqualTo(Country.NO);
        Trunk trunk = acme.trunks().getFirst();
        assertThat(acme.trunks()).hasSize(1);
        assertThat(trunk.id()).isEqualTo(TrunkId.of("acme-pbx"));
        assertThat(trunk.kind()).isEqualTo(TrunkKind.REGISTRATION);
        assertThat(trunk.credentials()).contains(DigestCredentials.fromPassword("acme-pbx", "sentral.test", "acme-secret"));
        assertThat(trunk.defaultNumber()).isEqualTo(E164Number.of("+4722120000"));
        assertThat(trunk.callerIdPolicy()).isEqualTo(CallerIdPolicy.REJECT);
        assertThat(trunk.maxChannels()).isEqualTo(30);
        assertThat(trunk.maxCallsPerSecond()).isEqualTo(10);
        assertThat(acme.ranges()).containsExactly(new RangeAssignment(acme.tenant(),
                NumberRange.of("+4722120000", "+4722120099"), Optional.of(trunk.id())));
        assertThat(acme.extraNumbers()).extracting(e -> e.number().value()).containsExactly("+4791000001");
        assertThat(acme.emergencyAddresses()).singleElement().satisfies(a -> {
            assertThat(a.range()).isEqualTo(NumberRange.of("+4722120000", "+4722120098"));
            assertThat(a.address().oneLine()).isEqualTo("Storgata 1, 0155 Oslo, NO");
        });
        assertThat(acme.barrings()).isEmpty();
    }

    @Test
    void sveaHasAStaticTrunkThatReplacesUnownedCallerIds() {
        CustomerProvisioning svea = customer("svea");
        assertThat(svea.customer().country()).isEqualTo(Country.SE);
        Trunk trunk = svea.trunks().getFirst();
        assertThat(trunk.kind()).isEqualTo(TrunkKind.STATIC);
        assertThat(trunk.trustedSources()).containsExactly(IpRange.parse("127.0.0.5/32"));
        assertThat(trunk.staticEndpoint()).contains(new SipEndpoint("127.0.0.5", 5060, Transport.UDP));
        assertThat(trunk.defaultNumber()).isEqualTo(E164Number.of("+46812345600"));
        assertThat(trunk.callerIdPolicy()).isEqualTo(CallerIdPolicy.REPLACE);
        assertThat(trunk.credentials()).isEmpty();
        assertThat(svea.numbers()).containsExactly(NumberRange.of("+46812345600", "+46812345699"));
        assertThat(svea.emergencyAddresses()).singleElement().satisfies(a -> {
            assertThat(a.range()).isEqualTo(NumberRange.of("+46812345600", "+46812345699"));
            assertThat(a.address().oneLine()).isEqualTo("Drottninggatan 1, 111 51 Stockholm, SE");
        });
        assertThat(svea.barrings()).containsExactly(BarringClass.INTERNATIONAL);
    }

    @Test
    void fjordIsASwitchboardWithUsersQueuesAndVips() {
        CustomerProvisioning fjord = customer("fjord");
        TenantId tenant = fjord.tenant();
        assertThat(fjord.trunks()).isEmpty();
        assertThat(fjord.ranges()).containsExactly(new RangeAssignment(tenant,
                NumberRange.of("+4723450000", "+4723450199"), Optional.empty()));
        assertThat(fjord.mainNumber()).contains(E164Number.of("+4723450000"));
        assertThat(fjord.users()).containsExactly(
                user(tenant, "alice", "Alice", "Hansen", "Sales", "101", "+4791000101", "+4723450101"),
                user(tenant, "bob", "Bob", "Nilsen", "Sales", "102", "+4791000102", "+4723450102"),
                user(tenant, "carol", "Carol", "Berg", "Support", "103", "+4791000103", "+4723450103"));
        assertThat(fjord.queues()).containsExactly(
                new Queue(tenant, QueueName.of("Sentralbord"), E164Number.of("+4723450000"),
                        List.of(UserId.of("alice"), UserId.of("bob")), QueueStrategy.LONGEST_IDLE,
                        Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(60), 20,
                        Optional.of(new CallTarget.ToQueue(QueueName.of("Support")))),
                new Queue(tenant, QueueName.of("Support"), E164Number.of("+4723450050"), List.of(UserId.of("carol")),
                        QueueStrategy.RING_ALL, Duration.ofSeconds(15), Duration.ZERO, Duration.ofSeconds(120), 0,
                        Optional.of(new CallTarget.ToNumber(E164Number.of("+4791000103")))));
        assertThat(fjord.vipList()).extracting(v -> v.number().value()).containsExactly("+4790000001", "+4790000002");
        assertThat(fjord.emergencyAddresses()).singleElement().satisfies(a -> {
            assertThat(a.range()).isEqualTo(NumberRange.of("+4723450000", "+4723450199"));
            assertThat(a.address()).isEqualTo(CivicAddress.of("Kaigaten", "5", "5015", "Bergen", Country.NO));
        });
    }

    @Test
    void webAccountsOfFjordAndTheOperator() {
        TenantId fjord = TenantId.of("fjord");
        assertThat(customer("fjord").webAccounts()).containsExactly(
                account("alice", Optional.of(fjord), Role.OPERATOR, "alice-secret", Optional.of(UserId.of("alice"))),
                account("bob", Optional.of(fjord), Role.OPERATOR, "bob-secret", Optional.of(UserId.of("bob"))),
                account("fjord-admin", Optional.of(fjord), Role.CONTACT_PERSON, "fjord-admin-secret", Optional.empty()));
        assertThat(demo.accounts()).containsExactly(
                account("admin", Optional.empty(), Role.SYSTEM_ADMIN, "admin-secret", Optional.empty()),
                account("noc", Optional.empty(), Role.NOC, "noc-secret", Optional.empty()));
        assertThat(customer("acme").webAccounts()).isEmpty();
    }

    @Test
    void snapshotRoutesTheDemoNumbers() throws Exception {
        TenantSnapshot snapshot = TenantSnapshot.of(demo.customers());
        assertThat(snapshot.trunkByUsername("acme-pbx")).map(Trunk::id).contains(TrunkId.of("acme-pbx"));
        assertThat(snapshot.trunkTrusting(InetAddress.getByName("127.0.0.5"))).map(Trunk::id)
                .contains(TrunkId.of("svea-pbx"));
        assertThat(snapshot.rangeOwning(E164Number.of("+4722120005"))).flatMap(RangeAssignment::trunk)
                .contains(TrunkId.of("acme-pbx"));
        assertThat(snapshot.userByUsername("carol")).map(User::displayName).contains("Carol Berg");
        assertThat(snapshot.queueOn(E164Number.of("+4723450000"))).map(Queue::name).contains(QueueName.of("Sentralbord"));
        assertThat(snapshot.isVip(TenantId.of("fjord"), E164Number.of("+4790000002"))).isTrue();
        assertThat(snapshot.emergencyAddressOf(E164Number.of("+4722120098"))).isPresent();
        assertThat(snapshot.emergencyAddressOf(E164Number.of("+4722120099"))).isEmpty();
    }

    private static User user(TenantId tenant, String id, String first, String last, String department,
                             String extension, String mobile, String direct) {
        return new User(tenant, UserId.of(id), first, last, department, extension,
                DigestCredentials.fromPassword(id, "sentral.test", id + "-secret"), Optional.of(E164Number.of(mobile)),
                Optional.of(E164Number.of(direct)));
    }

    private static WebAccount account(String name, Optional<TenantId> tenant, Role role, String password,
                                      Optional<UserId> user) {
        return new WebAccount(AccountName.of(name), tenant, role, new AccountSecret.Plain(password), user);
    }

    @Test
    void nothingElseIsProvisioned() {
        assertThat(demo.customers()).extracting(c -> c.tenant().value()).containsExactly("acme", "svea", "fjord");
        assertThat(Set.copyOf(demo.customers().stream().flatMap(c -> c.users().stream()).map(u -> u.id().value()).toList()))
                .containsExactlyInAnyOrder("alice", "bob", "carol");
    }
}
