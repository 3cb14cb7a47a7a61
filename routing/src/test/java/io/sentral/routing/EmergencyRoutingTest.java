package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static io.sentral.routing.DemoTenants.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.policy.CallerIdAction;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.EmergencyContext;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * T6: emergency calls are recognised before every other stage and are never blocked — not by
 * barring, capacity, cost limit or caller-ID — and go to the emergency gateway of their country,
 * then to the carriers.
 */
class EmergencyRoutingTest {
    private static final Destination PSAP = new Destination("sip:127.0.0.4:5060", "emergency gateway emergency");
    private static final List<Destination> FALLBACK = List.of(
            new Destination("sip:127.0.0.2:5060", "gateway carrier-1 (emergency fallback)"),
            new Destination("sip:127.0.0.3:5060", "gateway carrier-2 (emergency fallback)"));

    private final RoutingFixture fixture = new RoutingFixture();

    /** A recognised form: who dials what, and what the PSAP should get. */
    record Form(String customer, String dialled, String service, Country country, String requestUser) {
        CallOrigin origin() {
            return customer.equals("acme") ? RoutingFixture.FROM_ACME : RoutingFixture.FROM_SVEA;
        }

        String ownNumber() {
            return customer.equals("acme") ? "+4722120001" : "+46812345601";
        }

        String defaultNumber() {
            return customer.equals("acme") ? "+4722120000" : "+46812345600";
        }

        String ordinaryCallee() {
            return customer.equals("acme") ? "91234567" : "0701234567";
        }

        TrunkId trunk() {
            return customer.equals("acme") ? ACME_PBX : SVEA_PBX;
        }

        @Override
        public String toString() {
            return customer + " dials '" + dialled + "'";
        }
    }

    static List<Form> forms() {
        return List.of(
                new Form("acme", "112", "112", Country.NO, "112"),
                new Form("acme", "110", "110", Country.NO, "110"),
                new Form("acme", "113", "113", Country.NO, "113"),
                new Form("acme", "+47112", "112", Country.NO, "112"),
                new Form("acme", "0047113", "113", Country.NO, "113"),
                new Form("acme", "+47 110", "110", Country.NO, "110"),
                new Form("acme", "1 1 2", "112", Country.NO, "112"),
                new Form("acme", "112#", "112", Country.NO, "112"),
                new Form("acme", "112;phone-context=+47", "112", Country.NO, "112"),
                new Form("acme", "+46112", "112", Country.SE, "112"),
                new Form("acme", "0046112", "112", Country.SE, "112"),
                new Form("acme", "urn:service:sos", "urn:service:sos", Country.NO, "urn:service:sos"),
                new Form("acme", "urn:service:sos.police", "urn:service:sos.police", Country.NO,
                        "urn:service:sos.police"),
                new Form("acme", "URN:Service:SOS.Fire", "urn:service:sos.fire", Country.NO, "urn:service:sos.fire"),
                new Form("acme", "urn:service:sos.ambulance.", "urn:service:sos.ambulance", Country.NO,
                        "urn:service:sos.ambulance"),
                new Form("svea", "112", "112", Country.SE, "112"),
                new Form("svea", "+46112", "112", Country.SE, "112"),
                new Form("svea", "0046 112", "112", Country.SE, "112"),
                new Form("svea", "+47113", "113", Country.NO, "113"),
                new Form("svea", "0047110", "110", Country.NO, "110"),
                new Form("svea", "urn:service:sos.marine", "urn:service:sos.marine", Country.SE,
                        "urn:service:sos.marine"));
    }

    /** What would stop an ordinary call. */
    enum Adversity {
        NONE, BARRED_ALL_OUTGOING, OVER_CHANNEL_LIMIT, NO_CPS_TOKEN_LEFT, COST_LIMIT_REACHED, SPOOFED_CALLER_ID,
        ALL_AT_ONCE
    }

    static Stream<Arguments> formsUnderAdversity() {
        return forms().stream().flatMap(form -> Stream.of(Adversity.values()).map(a -> Arguments.of(form, a)));
    }

    @ParameterizedTest(name = "{0} while {1}")
    @MethodSource("formsUnderAdversity")
    void emergencyCallReachesThePsapWhatever(Form form, Adversity adversity) {
        DemoTenants.Tenants tenants = DemoTenants.tenants();
        boolean all = adversity == Adversity.ALL_AT_ONCE;
        if (adversity == Adversity.BARRED_ALL_OUTGOING || all) {
            tenants.barred(ACME, BarringClass.ALL_OUTGOING).barred(SVEA, BarringClass.ALL_OUTGOING);
        }
        if (adversity == Adversity.OVER_CHANNEL_LIMIT) {
            tenants.limits(ACME_PBX, 1, 0).limits(SVEA_PBX, 1, 0);
        }
        if (adversity == Adversity.NO_CPS_TOKEN_LEFT || all) {
            tenants.limits(ACME_PBX, 0, 1).limits(SVEA_PBX, 0, 1);
        }
        if (adversity == Adversity.COST_LIMIT_REACHED || all) {
            tenants.costLimit(ACME, "100").costLimit(SVEA, "100");
            fixture.spent.put(ACME, new BigDecimal("100.00"));
            fixture.spent.put(SVEA, new BigDecimal("250"));
        }
        fixture.tenants = tenants.build();
        DefaultCallRouter router = fixture.router();
        if (adversity != Adversity.NONE && adversity != Adversity.SPOOFED_CALLER_ID) {
            router.route(fixture.call(form.origin(), form.ordinaryCallee(), form.ownNumber()));
            RoutePlan ordinary = router.route(fixture.call(form.origin(), form.ordinaryCallee(), form.ownNumber()));
            assertThat(ordinary).as("the adversity stops ordinary calls").isInstanceOf(RoutePlan.Reject.class);
        }
        boolean spoofed = adversity == Adversity.SPOOFED_CALLER_ID || all;
        String presented = spoofed ? "+4790000000" : form.ownNumber();
        String located = spoofed ? form.defaultNumber() : form.ownNumber();
        int channelsBefore = fixture.capacity.activeChannels(form.trunk());

        RoutePlan plan = router.route(fixture.call(form.origin(), form.dialled(), presented));

        List<PolicyEvent> events = new ArrayList<>();
        TrunkId trunk = form.trunk();
        if (spoofed) {
            events.add(new PolicyEvent.CallerIdNotOwned(trunk.equals(ACME_PBX) ? ACME : SVEA, trunk,
                    CallerIdAction.EMERGENCY_REPLACED, "+4790000000"));
        }
        events.add(new PolicyEvent.EmergencyCall(trunk.equals(ACME_PBX) ? ACME : SVEA, trunk, form.service()));
        List<Destination> destinations = new ArrayList<>(List.of(PSAP));
        destinations.addAll(FALLBACK);
        assertThat(plan).isEqualTo(new RoutePlan.Forward(CallDirection.OUTBOUND,
                Optional.of(trunk.equals(ACME_PBX) ? ACME : SVEA), Optional.of(trunk), form.requestUser(),
                new CallerIdentity(located, Optional.of(located), false), destinations, "outbound.emergency",
                Optional.of(new EmergencyContext(form.service(), E164Number.of(located), form.country())), events));
        assertThat(fixture.capacity.activeChannels(trunk)).as("takes no channel").isEqualTo(channelsBefore);
        assertThat(fixture.capacity.emergencyCalls(trunk)).isEqualTo(1);
    }

    @ParameterizedTest(name = "acme dialling ''{0}'' is no emergency call")
    @CsvSource({"1120", "911", "999", "000", "1112", "0112", "+471101", "+47110x", "+46110", "+46113",
            "*112", "*112#", "112*", "112##", "4711 2", "urn:service:sosx", "urn:service:sos-police",
            "urn:service:counseling", "urn:service:sos2", "sip:112"})
    void lookAlikesAreNotEmergencyCalls(String dialled) {
        RoutePlan plan = fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, dialled, "+4722120001"));

        assertThat(plan.rule()).isNotEqualTo("outbound.emergency");
        assertThat(plan.events()).noneMatch(e -> e instanceof PolicyEvent.EmergencyCall);
        if (plan instanceof RoutePlan.Forward forward) {
            assertThat(forward.emergency()).isEmpty();
            assertThat(forward.destinations()).doesNotContain(PSAP);
        }
    }

    @ParameterizedTest(name = "svea dialling Norway''s ''{0}'' nationally is no emergency call")
    @CsvSource({"110", "113"})
    void anotherCountrysNumbersDialledNationallyAreNotEmergencyCalls(String dialled) {
        RoutePlan plan = fixture.router().route(fixture.call(RoutingFixture.FROM_SVEA, dialled, "+46812345601"));

        assertThat(plan.rule()).isNotEqualTo("outbound.emergency");
    }

    @Test
    void urnServiceMixedWithParametersStillReachesThePsap() {
        RoutePlan plan = fixture.router().route(
                fixture.call(RoutingFixture.FROM_ACME, "urn:service:sos.fire;foo=bar", "+4722120001"));

        assertThat(RoutingFixture.forward(plan).requestUser()).isEqualTo("urn:service:sos.fire");
    }

    @ParameterizedTest(name = "{0} from acme without an emergency gateway goes to the carriers as {1}")
    @CsvSource({"112, 112", "113, 113", "urn:service:sos, 112", "urn:service:sos.fire, 110",
            "urn:service:sos.police, 112", "urn:service:sos.ambulance, 113", "urn:service:sos.physician, 113",
            "urn:service:sos.mountain, 112"})
    void withoutAnEmergencyGatewayTheCarriersGetTheNationalNumber(String dialled, String requestUser) {
        DefaultCallRouter router = fixture.router(List.of(
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1),
                gateway("carrier-2", GatewayRole.CARRIER, "127.0.0.3:5060", 2)));

        RoutePlan.Forward forward = RoutingFixture.forward(
                router.route(fixture.call(RoutingFixture.FROM_ACME, dialled, "+4722120001")));

        assertThat(forward.destinations()).isEqualTo(FALLBACK);
        assertThat(forward.requestUser()).isEqualTo(requestUser);
        assertThat(forward.emergency()).map(EmergencyContext::service).contains(dialled);
        assertThat(forward.rule()).isEqualTo("outbound.emergency");
    }

    @Test
    void swedishUrnWithoutAnEmergencyGatewayIs112() {
        DefaultCallRouter router = fixture.router(List.of(gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1)));

        RoutePlan.Forward forward = RoutingFixture.forward(
                router.route(fixture.call(RoutingFixture.FROM_SVEA, "urn:service:sos.fire", "+46812345601")));

        assertThat(forward.requestUser()).isEqualTo("112");
    }

    @Test
    void onlyEmergencyGatewaysServingTheCountryAreUsed() {
        List<GatewaySettings> gateways = List.of(
                gateway("psap-se", GatewayRole.EMERGENCY, "127.0.0.14:5060", 0, 1, List.of(Country.SE)),
                gateway("psap-no", GatewayRole.EMERGENCY, "127.0.0.24:5060", 1, 1, List.of(Country.NO)),
                gateway("psap-nordic", GatewayRole.EMERGENCY, "127.0.0.34:5060", 2, 1, List.of()),
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1));
        DefaultCallRouter router = fixture.router(gateways);

        RoutePlan.Forward fromAcme = RoutingFixture.forward(
                router.route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001")));
        RoutePlan.Forward fromSvea = RoutingFixture.forward(
                router.route(fixture.call(RoutingFixture.FROM_SVEA, "112", "+46812345601")));
        RoutePlan.Forward sveaCallsNorway = RoutingFixture.forward(
                router.route(fixture.call(RoutingFixture.FROM_SVEA, "+47113", "+46812345601")));

        assertThat(fromAcme.destinations()).extracting(Destination::label).containsExactly(
                "emergency gateway psap-no", "emergency gateway psap-nordic", "gateway carrier-1 (emergency fallback)");
        assertThat(fromSvea.destinations()).extracting(Destination::label).containsExactly(
                "emergency gateway psap-se", "emergency gateway psap-nordic", "gateway carrier-1 (emergency fallback)");
        assertThat(sveaCallsNorway.destinations()).extracting(Destination::label).startsWith(
                "emergency gateway psap-no");
        assertThat(sveaCallsNorway.emergency()).map(EmergencyContext::country).contains(Country.NO);
    }

    @Test
    void aDownEmergencyGatewayIsStillTriedAfterTheUpOnes() {
        List<GatewaySettings> gateways = List.of(
                gateway("psap-1", GatewayRole.EMERGENCY, "127.0.0.4:5060", 0),
                gateway("psap-2", GatewayRole.EMERGENCY, "127.0.0.14:5060", 1),
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1));
        fixture.down.add("psap-1");
        fixture.down.add("carrier-1");

        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router(gateways)
                .route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001")));

        assertThat(forward.destinations()).extracting(Destination::label).containsExactly(
                "emergency gateway psap-2", "emergency gateway psap-1", "gateway carrier-1 (emergency fallback)");
    }

    @Test
    void everyGatewayDownStillGivesTheFullList() {
        fixture.down.addAll(List.of("emergency", "carrier-1", "carrier-2"));

        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router()
                .route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001")));

        List<Destination> all = new ArrayList<>(List.of(PSAP));
        all.addAll(FALLBACK);
        assertThat(forward.destinations()).isEqualTo(all);
    }

    @Test
    void privacyIsOverriddenForTheEmergencyServices() {
        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router().route(fixture.call(
                RoutingFixture.FROM_ACME, "112", "anonymous", Optional.empty(), Optional.of("+4722120007"),
                Optional.of("id"))));

        assertThat(forward.caller()).isEqualTo(new CallerIdentity("+4722120007", Optional.of("+4722120007"), false));
        assertThat(forward.events()).containsExactly(new PolicyEvent.EmergencyCall(ACME, ACME_PBX, "112"));
    }

    @ParameterizedTest(name = "caller-ID ''{0}'' on an emergency call is located at the default number")
    @CsvSource({"''", "anonymous", "reception", "+46812345600", "+4722120100", "+47221200051234567"})
    void unverifiableCallerIdsAreReplacedNeverRefused(String presented) {
        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router()
                .route(fixture.call(RoutingFixture.FROM_ACME, "113", presented)));

        assertThat(forward.emergency()).map(EmergencyContext::locationNumber)
                .contains(E164Number.of("+4722120000"));
        assertThat(forward.events()).first().isEqualTo(new PolicyEvent.CallerIdNotOwned(ACME, ACME_PBX,
                CallerIdAction.EMERGENCY_REPLACED, presented));
    }

    @Test
    void paiFromARegistrationTrunkIsNotTheLocation() {
        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router().route(fixture.call(
                RoutingFixture.FROM_ACME, "112", "+4722120005", Optional.of("+4722120050"), Optional.empty(),
                Optional.empty())));

        assertThat(forward.emergency()).map(EmergencyContext::locationNumber).contains(E164Number.of("+4722120005"));
    }

    @Test
    void paiFromAStaticTrunkIsTheLocation() {
        RoutePlan.Forward forward = RoutingFixture.forward(fixture.router().route(fixture.call(
                RoutingFixture.FROM_SVEA, "112", "+46812345601", Optional.of("+46812345650"), Optional.empty(),
                Optional.empty())));

        assertThat(forward.emergency()).map(EmergencyContext::locationNumber).contains(E164Number.of("+46812345650"));
    }

    @Test
    void emergencyCallsAreCountedPerTrunkAndTakeNeitherChannelNorToken() {
        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, 1, 1).build();
        DefaultCallRouter router = fixture.router();

        for (int i = 0; i < 5; i++) {
            assertThat(router.route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001")).rule())
                    .isEqualTo("outbound.emergency");
        }

        assertThat(fixture.capacity.emergencyCalls(ACME_PBX)).isEqualTo(5);
        assertThat(fixture.capacity.emergencyCalls(SVEA_PBX)).isZero();
        assertThat(fixture.capacity.activeChannels(ACME_PBX)).isZero();
        assertThat(router.route(fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4722120001")).rule())
                .as("the token is still there for an ordinary call").isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void noGatewayAtAllIsA503ThatStillReportsTheEmergencyCall() {
        DefaultCallRouter router = fixture.router(List.of(
                gateway("psap-se", GatewayRole.EMERGENCY, "127.0.0.14:5060", 0, 1, List.of(Country.SE))));

        RoutePlan plan = router.route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001"));

        assertThat(plan).isEqualTo(new RoutePlan.Reject(503, "Service Unavailable (no gateway for emergency calls)",
                "outbound.emergency", Optional.empty(), List.of(new PolicyEvent.EmergencyCall(ACME, ACME_PBX, "112"))));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BarringClass.class)
    void noBarringClassStopsAnEmergencyCall(BarringClass bar) {
        fixture.tenants = DemoTenants.tenants().barred(ACME, bar).build();

        assertThat(fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, "112", "+4722120001")).rule())
                .isEqualTo("outbound.emergency");
    }

    @Test
    void aTrunkNoLongerProvisionedCannotCallEvenEmergency() {
        CallOrigin ghost = new CallOrigin.CustomerTrunk(ACME, TrunkId.of("ghost-pbx"));

        assertThat(fixture.router().route(fixture.call(ghost, "112", "+4722120001")).rule())
                .isEqualTo("outbound.origin-trunk");
    }
}
