package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_AOR;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static io.sentral.routing.DemoTenants.binding;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.Country;
import io.sentral.core.registration.Binding;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls from the public network to customer numbers (T3). */
class InboundRoutingTest {
    private static final CallOrigin CARRIER = new CallOrigin.Carrier("carrier-1");

    private final Map<String, List<Binding>> registered = new HashMap<>();
    private final ContactDirectory contacts = aor -> registered.getOrDefault(aor, List.of());
    private final DefaultCallRouter router = new DefaultCallRouter(DemoTenants::snapshot, contacts,
            DemoTenants.gateways(), DemoTenants.DOMAIN);

    private static CallRequest call(String to, String from) {
        return CallRequest.simple("in-1@127.0.0.2", CARRIER, to, from);
    }

    @Test
    void registeredTrunkGetsEveryContactInDirectoryOrder() {
        registered.put(ACME_AOR, List.of(binding("sip:acme-pbx@127.0.0.2:5070", 1.0f),
                binding("sip:acme-pbx@127.0.0.6:5070;transport=tcp", 0.5f)));

        RoutePlan plan = router.route(call("+4722120005", "+4791234567"));

        assertThat(plan).isEqualTo(new RoutePlan.Forward(CallDirection.INBOUND, Optional.of(ACME),
                Optional.of(ACME_PBX), "+4722120005", "+4791234567",
                List.of(new Destination("sip:acme-pbx@127.0.0.2:5070", "contact 1 of acme-pbx"),
                        new Destination("sip:acme-pbx@127.0.0.6:5070;transport=tcp", "contact 2 of acme-pbx")),
                "inbound.registered-trunk"));
    }

    @ParameterizedTest(name = "dialled {0} reaches acme as +4722120005")
    @CsvSource({"+4722120005", "004722120005", "22120005", "2212 0005"})
    void dialledFormsAllReachTheSameNumber(String dialled) {
        registered.put(ACME_AOR, List.of(binding("sip:acme-pbx@127.0.0.2:5070", 1.0f)));

        RoutePlan plan = router.route(call(dialled, "+4791234567"));

        assertThat(plan).isInstanceOfSatisfying(RoutePlan.Forward.class,
                f -> assertThat(f.requestUser()).isEqualTo("+4722120005"));
    }

    @Test
    void unregisteredTrunkIsTemporarilyUnavailable() {
        assertThat(router.route(call("+4722120005", "+4791234567"))).isEqualTo(new RoutePlan.Reject(480,
                "Temporarily Unavailable: trunk acme-pbx is not registered", "inbound.registered-trunk"));
    }

    @Test
    void numberNobodyOwnsIsNotFound() {
        assertThat(router.route(call("+4722999999", "+4791234567"))).isEqualTo(new RoutePlan.Reject(404,
                "Not Found: no customer owns +4722999999", "inbound.number-owner"));
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @CsvSource({"alice", "12345", "+47", "'*21#'"})
    void requestUserThatIsNoNumberIsAddressIncomplete(String user) {
        assertThat(router.route(call(user, "+4791234567"))).isEqualTo(new RoutePlan.Reject(484,
                "Address Incomplete: '" + user + "' is not a number", "inbound.callee-number"));
    }

    @Test
    void staticTrunkGetsItsFixedEndpoint() {
        RoutePlan plan = router.route(call("+46812345642", "+4791234567"));

        assertThat(plan).isEqualTo(new RoutePlan.Forward(CallDirection.INBOUND, Optional.of(SVEA),
                Optional.of(SVEA_PBX), "+46812345642", "+4791234567",
                List.of(new Destination("sip:127.0.0.5:5060", "static trunk svea-pbx")), "inbound.static-trunk"));
    }

    /** These tenants give fjord no users or queues; SwitchboardRoutingTest covers the demo's. */
    @Test
    void aSwitchboardNumberWithoutUserOrQueueIsNotFound() {
        RoutePlan plan = router.route(call("+4723450000", "+4791234567"));

        assertThat(plan).isInstanceOfSatisfying(RoutePlan.Reject.class, r -> {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.reason()).isEqualTo("Not Found: no user or queue of fjord has the number +4723450000");
            assertThat(r.rule()).isEqualTo("switchboard.number");
        });
    }

    @ParameterizedTest(name = "caller ''{0}'' is presented as ''{1}''")
    @CsvSource({
            "+4791234567,   +4791234567",
            "004791234567,  +4791234567",
            "91234567,      +4791234567",
            "anonymous,     anonymous",
            "'',            ''"})
    void callerIsNormalisedWhenItIsANumberElseKeptAsReceived(String fromUser, String expected) {
        RoutePlan plan = router.route(call("+46812345642", fromUser));

        assertThat(plan).isInstanceOfSatisfying(RoutePlan.Forward.class,
                f -> assertThat(f.callerUser()).isEqualTo(expected));
    }

    @Test
    void inboundCountryIsAConstructorParameter() {
        DefaultCallRouter swedish = new DefaultCallRouter(DemoTenants::snapshot, contacts, DemoTenants.gateways(),
                DemoTenants.DOMAIN, Country.SE);

        assertThat(swedish.route(call("0812345642", "0701234567"))).isInstanceOfSatisfying(RoutePlan.Forward.class,
                f -> {
                    assertThat(f.requestUser()).isEqualTo("+46812345642");
                    assertThat(f.callerUser()).isEqualTo("+46701234567");
                });
        assertThat(swedish.route(call("22120005", "+4791234567")).rule()).isEqualTo("inbound.callee-number");
    }

    @Test
    void readsTheCurrentSnapshotOnEveryCall() {
        TenantSnapshot[] current = {TenantSnapshot.empty()};
        DefaultCallRouter live = new DefaultCallRouter(() -> current[0], contacts, DemoTenants.gateways(),
                DemoTenants.DOMAIN);

        assertThat(live.route(call("+46812345642", "+4791234567")).rule()).isEqualTo("inbound.number-owner");
        current[0] = DemoTenants.snapshot();
        assertThat(live.route(call("+46812345642", "+4791234567")).rule()).isEqualTo("inbound.static-trunk");
    }
}
