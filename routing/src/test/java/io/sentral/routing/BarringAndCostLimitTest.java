package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** T8: barring classes and the monthly cost limit, with the Nordic number plan. */
class BarringAndCostLimitTest {
    private final RoutingFixture fixture = new RoutingFixture();

    private RoutePlan dial(String customer, String dialled) {
        boolean acme = customer.equals("acme");
        CallOrigin origin = acme ? RoutingFixture.FROM_ACME : RoutingFixture.FROM_SVEA;
        return fixture.router().route(fixture.call(origin, dialled, acme ? "+4722120001" : "+46812345601"));
    }

    private static TenantId tenant(String customer) {
        return customer.equals("acme") ? ACME : SVEA;
    }

    private static TrunkId trunk(String customer) {
        return customer.equals("acme") ? ACME_PBX : SVEA_PBX;
    }

    /**
     * Each row: a customer barred from one class dials a number; {@code -} means the call goes
     * out, else it is refused naming that bar.
     */
    @ParameterizedTest(name = "{0} barred {1} dials {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            acme | ALL_OUTGOING    | 91234567        | ALL_OUTGOING
            acme | ALL_OUTGOING    | 80012345        | ALL_OUTGOING
            acme | ALL_OUTGOING    | 1881            | ALL_OUTGOING
            acme | INTERNATIONAL   | +46701234567    | INTERNATIONAL
            acme | INTERNATIONAL   | 0046701234567   | INTERNATIONAL
            acme | INTERNATIONAL   | +4420794600000  | INTERNATIONAL
            acme | INTERNATIONAL   | +4791234567     | -
            acme | INTERNATIONAL   | 91234567        | -
            acme | INTERNATIONAL   | 1881            | -
            svea | INTERNATIONAL   | +4791234567     | INTERNATIONAL
            svea | INTERNATIONAL   | 0701234567      | -
            svea | INTERNATIONAL   | +46812345699    | -
            acme | PREMIUM_RATE    | 82012345        | PREMIUM_RATE
            acme | PREMIUM_RATE    | 82912345        | PREMIUM_RATE
            acme | PREMIUM_RATE    | +4782912345     | PREMIUM_RATE
            acme | PREMIUM_RATE    | 1881            | PREMIUM_RATE
            acme | PREMIUM_RATE    | 81012345        | -
            acme | PREMIUM_RATE    | 80012345        | -
            acme | PREMIUM_RATE    | 91234567        | -
            acme | PREMIUM_RATE    | +46900123456    | PREMIUM_RATE
            svea | PREMIUM_RATE    | 0900-123 45 67  | PREMIUM_RATE
            svea | PREMIUM_RATE    | 0939123456      | PREMIUM_RATE
            svea | PREMIUM_RATE    | 0944123456      | PREMIUM_RATE
            svea | PREMIUM_RATE    | 099123456       | PREMIUM_RATE
            svea | PREMIUM_RATE    | 118118          | PREMIUM_RATE
            svea | PREMIUM_RATE    | 0901234567      | -
            svea | PREMIUM_RATE    | 0201234567      | -
            acme | SPECIAL_NUMBERS | 1234            | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 116111          | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 02020           | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | +4702020        | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | +47116111       | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 81512345        | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 82012345        | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 1120            | SPECIAL_NUMBERS
            acme | SPECIAL_NUMBERS | 80012345        | -
            acme | SPECIAL_NUMBERS | 91234567        | -
            acme | SPECIAL_NUMBERS | 22120005        | -
            svea | SPECIAL_NUMBERS | 0771123456      | SPECIAL_NUMBERS
            svea | SPECIAL_NUMBERS | 11414           | SPECIAL_NUMBERS
            svea | SPECIAL_NUMBERS | 020123456       | -
            svea | SPECIAL_NUMBERS | 0812345699      | -
            """)
    void barringClasses(String customer, BarringClass bar, String dialled, String expected) {
        fixture.tenants = DemoTenants.tenants().barred(tenant(customer), bar).build();

        RoutePlan plan = dial(customer, dialled);

        if (expected.equals("-")) {
            assertThat(plan.rule()).isEqualTo("outbound.carrier-gateways");
        } else {
            BarringClass barred = BarringClass.valueOf(expected);
            assertThat(plan).isEqualTo(new RoutePlan.Reject(403, Barring.reason(barred), "outbound.barring",
                    Optional.empty(), List.of(new PolicyEvent.CallBarred(tenant(customer), trunk(customer),
                    barred))));
        }
    }

    @Test
    void reasonPhrasesNameTheBar() {
        assertThat(List.of(BarringClass.values())).extracting(Barring::reason).containsExactly(
                "Forbidden (outgoing calls barred)", "Forbidden (international calls barred)",
                "Forbidden (premium-rate calls barred)", "Forbidden (calls to special numbers barred)");
    }

    @Test
    void theWidestBarIsNamed() {
        fixture.tenants = DemoTenants.tenants().barred(ACME, BarringClass.values()).build();

        assertThat(RoutingFixture.reject(dial("acme", "+46900123456")).reason())
                .isEqualTo("Forbidden (outgoing calls barred)");
        fixture.tenants = DemoTenants.tenants().barred(ACME, BarringClass.INTERNATIONAL, BarringClass.PREMIUM_RATE,
                BarringClass.SPECIAL_NUMBERS).build();
        assertThat(RoutingFixture.reject(dial("acme", "+46900123456")).reason())
                .isEqualTo("Forbidden (international calls barred)");
        assertThat(RoutingFixture.reject(dial("acme", "82012345")).reason())
                .isEqualTo("Forbidden (premium-rate calls barred)");
    }

    @Test
    void barringsOfOneCustomerDoNotTouchAnother() {
        fixture.tenants = DemoTenants.tenants().barred(ACME, BarringClass.ALL_OUTGOING).build();

        assertThat(dial("svea", "0701234567").rule()).isEqualTo("outbound.carrier-gateways");
    }

    @ParameterizedTest(name = "spent {0} of 1000: {1}")
    @CsvSource({"0, false", "999.99, false", "1000, true", "1000.00, true", "1500, true"})
    void costLimitStopsChargeableCallsOnceReached(String spent, boolean stopped) {
        fixture.tenants = DemoTenants.tenants().costLimit(ACME, "1000").build();
        fixture.spent.put(ACME, new BigDecimal(spent));

        RoutePlan plan = dial("acme", "91234567");

        if (stopped) {
            assertThat(plan).isEqualTo(new RoutePlan.Reject(403, "Forbidden (monthly cost limit reached)",
                    "outbound.cost-limit", Optional.empty(), List.of(new PolicyEvent.CostLimitReached(ACME,
                    ACME_PBX))));
        } else {
            assertThat(plan.rule()).isEqualTo("outbound.carrier-gateways");
        }
    }

    @ParameterizedTest(name = "{0} dials {1} over the limit: {2}")
    @CsvSource({"acme, 80012345, outbound.carrier-gateways", "acme, +4780012345, outbound.carrier-gateways",
            "svea, 020123456, outbound.carrier-gateways", "acme, 1881, outbound.cost-limit",
            "acme, 82012345, outbound.cost-limit", "acme, +46701234567, outbound.cost-limit",
            "svea, 0812345699, outbound.cost-limit", "acme, 112, outbound.emergency",
            "svea, 112, outbound.emergency"})
    void freephoneAndEmergencyAreNotChargeable(String customer, String dialled, String rule) {
        fixture.tenants = DemoTenants.tenants().costLimit(ACME, "50").costLimit(SVEA, "50").build();
        fixture.spent.put(ACME, new BigDecimal("50"));
        fixture.spent.put(SVEA, new BigDecimal("51"));

        assertThat(dial(customer, dialled).rule()).isEqualTo(rule);
    }

    @Test
    void aZeroLimitBarsEveryChargeableCall() {
        fixture.tenants = DemoTenants.tenants().costLimit(ACME, "0").build();

        assertThat(dial("acme", "91234567").rule()).isEqualTo("outbound.cost-limit");
        assertThat(dial("acme", "80012345").rule()).isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void noLimitNoCheck() {
        fixture.spent.put(ACME, new BigDecimal("1000000"));

        assertThat(dial("acme", "91234567").rule()).isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void barringComesBeforeTheCostLimitAndTheCostLimitBeforeTheCallerId() {
        fixture.tenants = DemoTenants.tenants().costLimit(ACME, "0").barred(ACME, BarringClass.PREMIUM_RATE).build();

        assertThat(fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, "82012345", "+4790000000")).rule())
                .isEqualTo("outbound.barring");
        assertThat(fixture.router().route(fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4790000000")).rule())
                .isEqualTo("outbound.cost-limit");
    }
}
