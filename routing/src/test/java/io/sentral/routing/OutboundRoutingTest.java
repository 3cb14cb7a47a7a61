package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.GatewayRole;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calls from customer trunks to the public network (T4). */
class OutboundRoutingTest {
    private static final CallOrigin FROM_ACME = new CallOrigin.CustomerTrunk(ACME, ACME_PBX);
    private static final CallOrigin FROM_SVEA = new CallOrigin.CustomerTrunk(SVEA, SVEA_PBX);
    private static final List<Destination> CARRIERS = List.of(
            new Destination("sip:127.0.0.2:5060", "gateway carrier-1"),
            new Destination("sip:127.0.0.3:5060", "gateway carrier-2"));

    private final ContactDirectory noContacts = aor -> List.of();
    private final DefaultCallRouter router = new DefaultCallRouter(DemoTenants::snapshot, noContacts,
            DemoTenants.gateways(), DemoTenants.DOMAIN);

    private static CallRequest call(CallOrigin origin, String to, String from) {
        return CallRequest.simple("out-1@127.0.0.2", origin, to, from);
    }

    @Test
    void norwegianNationalNumberGoesToCarriersInPriorityOrder() {
        RoutePlan plan = router.route(call(FROM_ACME, "91234567", "22120005"));

        assertThat(plan).isEqualTo(new RoutePlan.Forward(CallDirection.OUTBOUND, Optional.of(ACME),
                Optional.of(ACME_PBX), "+4791234567", asserted("+4722120005"), CARRIERS, "outbound.carrier-gateways",
                Optional.empty(), List.of()));
    }

    @Test
    void swedishNationalNumberIsReadInTheSwedishPlan() {
        RoutePlan plan = router.route(call(FROM_SVEA, "0701234567", "0812345600"));

        assertThat(plan).isEqualTo(new RoutePlan.Forward(CallDirection.OUTBOUND, Optional.of(SVEA),
                Optional.of(SVEA_PBX), "+46701234567", asserted("+46812345600"), CARRIERS,
                "outbound.carrier-gateways", Optional.empty(), List.of()));
    }

    private static CallerIdentity asserted(String number) {
        return new CallerIdentity(number, Optional.of(number), false);
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
            "91234567,        acme, +4791234567",
            "0046701234567,   acme, +46701234567",
            "+4791234567,     svea, +4791234567",
            "004791234567,    svea, +4791234567",
            "08-123 456 00,   svea, +46812345600"})
    void dialledNumberIsNormalisedInTheCustomersPlan(String dialled, String customer, String expected) {
        CallOrigin origin = customer.equals("acme") ? FROM_ACME : FROM_SVEA;

        assertThat(router.route(call(origin, dialled, customer.equals("acme") ? "+4722120005" : "+46812345600")))
                .isInstanceOfSatisfying(RoutePlan.Forward.class, f -> assertThat(f.requestUser()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "''{0}'' from {1} is address incomplete")
    @CsvSource({"12, acme", "0701234567, acme", "letters, acme", "+4799, acme", "001234, acme", "'*21#', acme",
            "1234567, acme", "0812, svea", "0123, svea", "urn:service:counseling, acme"})
    void malformedDialledNumberIsAddressIncomplete(String dialled, String customer) {
        CallOrigin origin = customer.equals("acme") ? FROM_ACME : FROM_SVEA;
        String from = customer.equals("acme") ? "+4722120005" : "+46812345600";

        assertThat(router.route(call(origin, dialled, from))).isEqualTo(new RoutePlan.Reject(484,
                "Address Incomplete: '" + dialled + "' is not a number", "outbound.callee-number"));
    }

    @ParameterizedTest(name = "short number ''{0}'' from {1} goes out as {2}")
    @CsvSource({"1234, acme, 1234", "1881, acme, 1881", "116 111, acme, 116111", "02020, acme, 02020",
            "911, acme, 911", "1120, acme, 1120", "11414, svea, 11414", "118118, svea, 118118"})
    void shortNumbersGoOutAsDialled(String dialled, String customer, String requestUser) {
        CallOrigin origin = customer.equals("acme") ? FROM_ACME : FROM_SVEA;
        String from = customer.equals("acme") ? "+4722120005" : "+46812345600";

        RoutePlan plan = router.route(call(origin, dialled, from));

        assertThat(plan).isInstanceOfSatisfying(RoutePlan.Forward.class, f -> {
            assertThat(f.requestUser()).isEqualTo(requestUser);
            assertThat(f.destinations()).isEqualTo(CARRIERS);
        });
    }

    @Test
    void presentedCallerThatIsNoNumberIsRejectedForAcme() {
        assertThat(router.route(call(FROM_ACME, "91234567", "reception"))).isInstanceOfSatisfying(
                RoutePlan.Reject.class, r -> assertThat(r.reason()).isEqualTo(
                        "Forbidden (caller-ID 'reception' is not a number)"));
    }

    @Test
    void hostileDialledStringIsQuotedSafelyInTheReason() {
        RoutePlan plan = router.route(call(FROM_ACME, "9123\r\nX-Evil: yes" + "9".repeat(100), "+4722120005"));

        assertThat(plan).isInstanceOfSatisfying(RoutePlan.Reject.class, r -> {
            assertThat(r.status()).isEqualTo(484);
            assertThat(r.reason()).doesNotContain("\r", "\n").hasSizeLessThan(80);
        });
    }

    @Test
    void unknownTrunkIsForbidden() {
        CallOrigin ghost = new CallOrigin.CustomerTrunk(ACME, TrunkId.of("ghost-pbx"));

        assertThat(router.route(call(ghost, "91234567", "+4722120005"))).isEqualTo(
                new RoutePlan.Reject(403, "Forbidden: unknown trunk ghost-pbx", "outbound.origin-trunk"));
    }

    @Test
    void trunkOfAnotherCustomerIsForbidden() {
        CallOrigin mixed = new CallOrigin.CustomerTrunk(TenantId.of("fjord"), ACME_PBX);

        assertThat(router.route(call(mixed, "91234567", "+4722120005"))).isEqualTo(new RoutePlan.Reject(403,
                "Forbidden: trunk acme-pbx does not belong to fjord", "outbound.origin-trunk"));
    }

    @Test
    void trunkWhoseCustomerIsGoneIsForbidden() {
        TenantSnapshot demo = DemoTenants.snapshot();
        TenantSnapshot orphaned = new TenantSnapshot(
                demo.customers().stream().filter(c -> !c.id().equals(ACME)).toList(), demo.trunks(), demo.ranges(),
                demo.extraNumbers());
        DefaultCallRouter orphanRouter = new DefaultCallRouter(() -> orphaned, noContacts, DemoTenants.gateways(),
                DemoTenants.DOMAIN);

        assertThat(orphanRouter.route(call(FROM_ACME, "91234567", "+4722120005"))).isEqualTo(
                new RoutePlan.Reject(403, "Forbidden: unknown customer acme", "outbound.origin-trunk"));
    }

    @Test
    void noCarrierGatewayIsServiceUnavailable() {
        DefaultCallRouter emergencyOnly = new DefaultCallRouter(DemoTenants::snapshot, noContacts,
                List.of(DemoTenants.gateway("emergency", GatewayRole.EMERGENCY, "127.0.0.4:5060", 0)),
                DemoTenants.DOMAIN);

        assertThat(emergencyOnly.route(call(FROM_ACME, "91234567", "+4722120005"))).isEqualTo(
                new RoutePlan.Reject(503, "Service Unavailable: no carrier gateway configured",
                        "outbound.carrier-gateways"));
    }

    @Test
    void unknownTrunkIsCheckedBeforeTheDialledNumber() {
        CallOrigin ghost = new CallOrigin.CustomerTrunk(ACME, TrunkId.of("ghost-pbx"));

        assertThat(router.route(call(ghost, "letters", "+4722120005")).rule()).isEqualTo("outbound.origin-trunk");
    }
}
