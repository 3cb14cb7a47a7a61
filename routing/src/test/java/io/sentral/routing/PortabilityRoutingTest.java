package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.FJORD;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static io.sentral.routing.DemoTenants.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** T9: outbound calls to numbers ported away, and numbers ported in from their porting date on. */
class PortabilityRoutingTest {
    private static final Instant PORTING_DATE = RoutingFixture.START.plus(Duration.ofDays(2));

    private final RoutingFixture fixture = new RoutingFixture();
    private final List<GatewaySettings> gateways = List.of(
            gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1),
            gateway("carrier-2", GatewayRole.CARRIER, "127.0.0.3:5060", 2),
            gateway("recipient", GatewayRole.CARRIER, "127.0.0.7:5060", 3),
            gateway("emergency", GatewayRole.EMERGENCY, "127.0.0.4:5060", 0));

    private RoutePlan.Forward dial(String dialled) {
        return RoutingFixture.forward(fixture.router(gateways)
                .route(fixture.call(RoutingFixture.FROM_ACME, dialled, "+4722120001")));
    }

    private static PortedOut portedOut(String number, String prefix, String gateway) {
        return new PortedOut(E164Number.of(number), Optional.ofNullable(prefix), Optional.ofNullable(gateway));
    }

    @Test
    void aPortedNumberGetsTheRoutingPrefixBeforeItsDigits() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791234567", "C01", null)).build();

        RoutePlan.Forward forward = dial("91234567");

        assertThat(forward.requestUser()).isEqualTo("C014791234567");
        assertThat(forward.destinations()).extracting(Destination::label)
                .containsExactly("gateway carrier-1", "gateway carrier-2", "gateway recipient");
    }

    @Test
    void aPortedNumberGoesToItsGatewayFirst() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791234567", null, "recipient")).build();

        RoutePlan.Forward forward = dial("+4791234567");

        assertThat(forward.requestUser()).isEqualTo("+4791234567");
        assertThat(forward.destinations()).extracting(Destination::label)
                .containsExactly("gateway recipient", "gateway carrier-1", "gateway carrier-2");
    }

    @Test
    void prefixAndGatewayTogether() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791234567", "1234", "recipient")).build();

        RoutePlan.Forward forward = dial("004791234567");

        assertThat(forward.requestUser()).isEqualTo("12344791234567");
        assertThat(forward.destinations().getFirst().label()).isEqualTo("gateway recipient");
    }

    @Test
    void aDownPortingGatewayGoesFirstAmongTheDownOnes() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791234567", null, "recipient")).build();
        fixture.down.add("recipient");
        fixture.down.add("carrier-1");

        assertThat(dial("91234567").destinations()).extracting(Destination::label)
                .containsExactly("gateway carrier-2", "gateway recipient", "gateway carrier-1");
    }

    @Test
    void anUnknownOrEmergencyPortingGatewayIsIgnored() {
        fixture.tenants = DemoTenants.tenants()
                .portedOut(portedOut("+4791234567", null, "no-such-gateway"))
                .portedOut(portedOut("+4791234568", null, "emergency"))
                .build();

        assertThat(dial("91234567").destinations()).extracting(Destination::label)
                .containsExactly("gateway carrier-1", "gateway carrier-2", "gateway recipient");
        assertThat(dial("91234568").destinations()).extracting(Destination::label)
                .containsExactly("gateway carrier-1", "gateway carrier-2", "gateway recipient");
    }

    @Test
    void numbersNotInTheTableAreUntouched() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791234567", "C01", "recipient")).build();

        RoutePlan.Forward forward = dial("91234568");

        assertThat(forward.requestUser()).isEqualTo("+4791234568");
        assertThat(forward.destinations().getFirst().label()).isEqualTo("gateway carrier-1");
    }

    @Test
    void aPortedInNumberIsOwnedFromItsPortingDate() {
        fixture.tenants = DemoTenants.tenants()
                .portedIn(new PortedIn(ACME, E164Number.of("+4798765432"), Optional.of(ACME_PBX), PORTING_DATE))
                .build();
        DefaultCallRouter router = fixture.router();

        assertThat(RoutingFixture.reject(router.route(fixture.call(RoutingFixture.FROM_ACME, "91234567",
                "+4798765432"))).reason()).isEqualTo("Forbidden (caller-ID +4798765432 is not owned by acme)");

        fixture.clock.advance(Duration.ofDays(2));

        assertThat(RoutingFixture.forward(router.route(fixture.call(RoutingFixture.FROM_ACME, "91234567",
                "+4798765432"))).caller().asserted()).contains("+4798765432");
    }

    @Test
    void aNumberPortedInToAnotherCustomerIsNotOwned() {
        fixture.tenants = DemoTenants.tenants()
                .portedIn(new PortedIn(SVEA, E164Number.of("+4798765432"), Optional.of(SVEA_PBX),
                        RoutingFixture.START.minusSeconds(1)))
                .build();

        assertThat(fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4798765432")).rule())
                .isEqualTo("outbound.caller-id");
    }

    @Test
    void aRangeNumberPortedAwayIsNoLongerOwned() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4722120050", "C01", null)).build();
        DefaultCallRouter router = fixture.router();

        assertThat(RoutingFixture.reject(router.route(fixture.call(RoutingFixture.FROM_ACME, "91234567",
                "+4722120050"))).reason()).isEqualTo("Forbidden (caller-ID +4722120050 is not owned by acme)");
        assertThat(router.route(fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4722120051")).rule())
                .isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void anExtraNumberIsOwnedEvenIfItsOperatorChanged() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+4791000001", "C02", null)).build();

        assertThat(fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4791000001")).rule())
                .isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void inboundToAPortedInNumberReachesItsTrunkFromThePortingDate() {
        fixture.tenants = DemoTenants.tenants()
                .portedIn(new PortedIn(SVEA, E164Number.of("+4798765432"), Optional.of(SVEA_PBX), PORTING_DATE))
                .build();
        DefaultCallRouter router = fixture.router();
        CallRequest before = CallRequest.simple("in-1", RoutingFixture.FROM_CARRIER, "98765432", "+4791234567");

        assertThat(router.route(before)).isEqualTo(new RoutePlan.Reject(404,
                "Not Found: no customer owns +4798765432", "inbound.number-owner"));

        fixture.clock.advance(Duration.ofDays(2));
        CallRequest after = CallRequest.simple("in-2", RoutingFixture.FROM_CARRIER, "98765432", "+4791234567");
        assertThat(router.route(after)).isEqualTo(new RoutePlan.Forward(io.sentral.core.call.CallDirection.INBOUND,
                Optional.of(SVEA), Optional.of(SVEA_PBX), "+4798765432", "+4791234567",
                List.of(new Destination("sip:127.0.0.5:5060", "static trunk svea-pbx")), "inbound.static-trunk"));
    }

    @Test
    void inboundToAPortedInNumberWithoutTrunkIsASwitchboardNumber() {
        fixture.tenants = DemoTenants.tenants()
                .portedIn(new PortedIn(FJORD, E164Number.of("+4798765432"), Optional.empty(),
                        RoutingFixture.START))
                .build();

        assertThat(fixture.router().route(CallRequest.simple("in-1", RoutingFixture.FROM_CARRIER, "+4798765432",
                "+4791234567")).rule()).isEqualTo("switchboard.number");
    }

    @Test
    void inboundToAPortedInNumberNamingAnotherCustomersTrunkIsRefused() {
        fixture.tenants = DemoTenants.tenants()
                .portedIn(new PortedIn(ACME, E164Number.of("+4798765432"), Optional.of(SVEA_PBX),
                        RoutingFixture.START))
                .build();

        assertThat(fixture.router().route(CallRequest.simple("in-1", RoutingFixture.FROM_CARRIER, "+4798765432",
                "+4791234567"))).isEqualTo(new RoutePlan.Reject(480,
                "Temporarily Unavailable: trunk svea-pbx of +4798765432 is not provisioned", "inbound.range-trunk"));
    }

    @Test
    void inboundToARangeNumberPortedAwayIsNotFound() {
        fixture.tenants = DemoTenants.tenants().portedOut(portedOut("+46812345650", null, "recipient")).build();

        assertThat(fixture.router().route(CallRequest.simple("in-1", RoutingFixture.FROM_CARRIER, "+46812345650",
                "+4791234567"))).isEqualTo(new RoutePlan.Reject(404,
                "Not Found: +46812345650 has been ported to another operator", "inbound.number-owner"));
    }
}
