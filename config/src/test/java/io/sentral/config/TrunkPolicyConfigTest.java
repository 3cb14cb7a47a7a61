package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The configuration of trunk policy (issue 3): gateway weights (T4), the number plan that barring
 * reads and monthly cost limits (T8), portability (T9) and Norwegian/Swedish customer numbers (T10).
 */
class TrunkPolicyConfigTest {
    private static final String GATEWAYS = """
            gateways:
              - {name: carrier-1, address: "127.0.0.2:5060"}
              - {name: carrier-2, address: "127.0.0.3:5060", weight: 3}
              - {name: emergency, role: emergency, address: "127.0.0.4:5060"}
            """;

    /** Acme: trunk acme-pbx; %s is appended to the customer (indented 4). */
    private static final String ACME = """
            customers:
              - id: acme
                name: Acme AS
                country: "NO"
                numbers: ["+4722120000-+4722120099"]
                extraNumbers: ["+4791000001"]
                trunks:
                  - id: acme-pbx
                    kind: registration
                    username: acme-pbx
                    password: acme-secret
                    numbers: ["+4722120000-+4722120099"]
                    defaultNumber: "+4722120000"
            """;

    private static final String SVEA = """
              - id: svea
                name: Svea AB
                country: SE
                numbers: ["+46812345600-+46812345699"]
                trunks:
                  - id: svea-pbx
                    kind: static
                    trustedSources: ["127.0.0.5"]
                    address: "127.0.0.5:5060"
                    numbers: ["+46812345600-+46812345699"]
                    defaultNumber: "+46812345600"
            """;

    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    private SentralConfig load(String yaml) {
        return loader.parse("test.yaml", yaml);
    }

    private void assertRefusedAt(String yaml, String message) {
        assertThatThrownBy(() -> loader.parse("bad.yaml", yaml)).isInstanceOf(ConfigException.class)
                .hasMessage("bad.yaml: " + message);
    }

    private static String acmeWith(String lines) {
        return ACME + lines.indent(4);
    }

    private static CustomerProvisioning customer(SentralConfig config, String id) {
        return config.customers().stream().filter(c -> c.tenant().value().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    class GatewayWeight {
        @Test
        void boundWithDefaultOne() {
            assertThat(load(GATEWAYS).gateways()).extracting(GatewaySettings::name, GatewaySettings::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("carrier-1", 1),
                            org.assertj.core.groups.Tuple.tuple("carrier-2", 3),
                            org.assertj.core.groups.Tuple.tuple("emergency", 1));
        }

        @Test
        void zeroIsRefused() {
            assertRefusedAt(GATEWAYS.replace("weight: 3", "weight: 0"), "gateways[1].weight: 0 is outside 1-1000");
        }

        @Test
        void textIsRefused() {
            assertRefusedAt(GATEWAYS.replace("weight: 3", "weight: heavy"),
                    "gateways[1].weight: expected an integer, found 'heavy'");
        }
    }

    @Nested
    class MonthlyCostLimit {
        @Test
        void boundExactlyWithTwoDecimals() {
            assertThat(customer(load(acmeWith("monthlyCostLimit: 1234.5\n")), "acme").monthlyCostLimit())
                    .contains(new BigDecimal("1234.50"));
            assertThat(customer(load(acmeWith("monthlyCostLimit: 5000\n")), "acme").monthlyCostLimit())
                    .contains(new BigDecimal("5000.00"));
            assertThat(customer(load(acmeWith("monthlyCostLimit: \"0.10\"\n")), "acme").monthlyCostLimit())
                    .contains(new BigDecimal("0.10"));
            assertThat(customer(load(acmeWith("monthlyCostLimit: 0\n")), "acme").monthlyCostLimit())
                    .contains(new BigDecimal("0.00"));
            assertThat(customer(load(ACME), "acme").monthlyCostLimit()).isEmpty();
        }

        @Test
        void negativeIsRefused() {
            assertRefusedAt(acmeWith("monthlyCostLimit: -100\n"), "customers[0].monthlyCostLimit: -100 is negative"
                    + " (give an amount of 0 or more in the customer's currency)");
        }

        @Test
        void fractionsOfAnOreAreRefused() {
            assertRefusedAt(acmeWith("monthlyCostLimit: 10.005\n"), "customers[0].monthlyCostLimit: 10.005 has more"
                    + " than 2 decimals (the smallest unit is 0.01: øre, öre)");
        }

        @Test
        void notAnAmount() {
            assertRefusedAt(acmeWith("monthlyCostLimit: 5000 NOK\n"), "customers[0].monthlyCostLimit: not a decimal"
                    + " amount: '5000 NOK' (e.g. 5000 or 1234.50)");
        }

        @Test
        void tooLarge() {
            assertRefusedAt(acmeWith("monthlyCostLimit: 1234567890123\n"), "customers[0].monthlyCostLimit:"
                    + " 1234567890123 is too large (at most 12 digits before the decimal point)");
        }
    }

    @Nested
    class QueueHistoryDays {
        @Test
        void ninetyUnlessTheCustomerSaysOtherwise_S13() {
            assertThat(customer(load(ACME), "acme").customer().queueHistoryDays()).isEqualTo(90);
            assertThat(customer(load(acmeWith("queueHistoryDays: 14\n")), "acme").customer().queueHistoryDays())
                    .isEqualTo(14);
        }

        @Test
        void outOfRangeIsRefusedWithItsPath() {
            assertRefusedAt(acmeWith("queueHistoryDays: 0\n"), "customers[0].queueHistoryDays: 0 is outside 1-3650");
            assertRefusedAt(acmeWith("queueHistoryDays: 4000\n"),
                    "customers[0].queueHistoryDays: 4000 is outside 1-3650");
            assertRefusedAt(acmeWith("queueHistoryDays: 90d\n"),
                    "customers[0].queueHistoryDays: expected an integer, found '90d'");
        }
    }

    @Nested
    class NorwegianOrSwedishNumbers {
        @Test
        void danishNumberIsRefused() {
            assertRefusedAt(ACME.replace("numbers: [\"+4722120000-+4722120099\"]\n    extra",
                            "numbers: [\"+4722120000-+4722120099\", \"+4512345678\"]\n    extra"),
                    "customers[0].numbers[1]: +4512345678 is not a Norwegian or Swedish number (customer numbers"
                            + " start with +47 or +46)");
        }

        @Test
        void danishRangeIsRefused() {
            assertRefusedAt(ACME.replace("\"+4722120000-+4722120099\"]\n    extra",
                            "\"+4722120000-+4722120099\", \"+4512345600-+4512345699\"]\n    extra"),
                    "customers[0].numbers[1]: +4512345600-+4512345699 is not a range of Norwegian or Swedish numbers"
                            + " (customer numbers start with +47 or +46)");
        }

        @Test
        void rangeCrossingIntoAnotherCountryCodeIsRefused() {
            assertRefusedAt(ACME.replace("\"+4722120000-+4722120099\"]\n    extra",
                            "\"+4722120000-+4722120099\", \"+4799999990-+4800000009\"]\n    extra"),
                    "customers[0].numbers[1]: +4799999990-+4800000009 is not a range of Norwegian or Swedish numbers"
                            + " (customer numbers start with +47 or +46)");
        }
    }

    @Nested
    class PortedInNumbers {
        @Test
        void boundWithDateOrInstant() {
            SentralConfig config = load(acmeWith("""
                    portedIn:
                      - {number: "+4799887766", trunk: acme-pbx, from: 2026-12-01}
                      - {number: "+4799887767", from: "2026-12-01T06:00:00+01:00"}
                      - {number: "+4699887766", from: 2027-01-15T08:30:00Z}
                    """));
            TenantId acme = TenantId.of("acme");
            assertThat(customer(config, "acme").portedIn()).containsExactly(
                    new PortedIn(acme, E164Number.of("+4699887766"), Optional.empty(),
                            Instant.parse("2027-01-15T08:30:00Z")),
                    new PortedIn(acme, E164Number.of("+4799887766"), Optional.of(TrunkId.of("acme-pbx")),
                            Instant.parse("2026-12-01T00:00:00Z")),
                    new PortedIn(acme, E164Number.of("+4799887767"), Optional.empty(),
                            Instant.parse("2026-12-01T05:00:00Z")));
            assertThat(config.portabilityTable().portedIn(E164Number.of("+4799887766"))).isPresent();
        }

        @Test
        void badDateIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4799887766\", from: 2026-13-01}]\n"),
                    "customers[0].portedIn[0].from: not a date or instant: '2026-13-01' (use 2026-12-01 for the start"
                            + " of that day UTC, or an ISO instant such as 2026-12-01T06:00:00Z)");
        }

        @Test
        void instantWithoutOffsetIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4799887766\", from: 2026-12-01T06:00:00}]\n"),
                    "customers[0].portedIn[0].from: not a date or instant: '2026-12-01T06:00:00' (use 2026-12-01 for"
                            + " the start of that day UTC, or an ISO instant such as 2026-12-01T06:00:00Z)");
        }

        @Test
        void missingDateIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4799887766\"}]\n"),
                    "customers[0].portedIn[0].from: missing: the porting date");
        }

        @Test
        void numberOfAnEarlierCustomersRangeIsRefused() {
            assertRefusedAt(ACME + SVEA + "    portedIn: [{number: \"+4722120005\", from: 2026-12-01}]\n",
                    "customers[1].portedIn[0].number: +4722120005 belongs to customer acme (customers[0].numbers[0])");
        }

        @Test
        void numberInALaterCustomersRangeIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+46812345605\", from: 2026-12-01}]\n") + SVEA,
                    "customers[1].numbers[0]: +46812345600-+46812345699 contains +46812345605, ported in to customer"
                            + " acme (customers[0].portedIn[0].number)");
        }

        @Test
        void anotherCustomersExtraNumberIsRefused() {
            assertRefusedAt(ACME + SVEA + "    portedIn: [{number: \"+4791000001\", from: 2026-12-01}]\n",
                    "customers[1].portedIn[0].number: +4791000001 belongs to customer acme (customers[0].extraNumbers[0])");
        }

        @Test
        void portedInTwiceIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4799887766\", from: 2026-12-01}]\n") + SVEA
                            + "    portedIn: [{number: \"+4799887766\", from: 2026-12-01}]\n",
                    "customers[1].portedIn[0].number: +4799887766 is already ported in to customer acme"
                            + " (customers[0].portedIn[0].number)");
        }

        @Test
        void ownNumberIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4722120005\", from: 2026-12-01}]\n"),
                    "customers[0].portedIn[0].number: +4722120005 is already among the customer's numbers"
                            + " (customers[0].numbers[0])");
        }

        @Test
        void anotherCustomersTrunkIsRefused() {
            assertRefusedAt(ACME + SVEA + "    portedIn: [{number: \"+46899887766\", trunk: acme-pbx, from: 2026-12-01}]\n",
                    "customers[1].portedIn[0].trunk: 'acme-pbx' is not a trunk of customer svea");
        }

        @Test
        void danishNumberIsRefused() {
            assertRefusedAt(acmeWith("portedIn: [{number: \"+4512345678\", from: 2026-12-01}]\n"),
                    "customers[0].portedIn[0].number: +4512345678 is not a Norwegian or Swedish number (customer"
                            + " numbers start with +47 or +46)");
        }
    }

    @Nested
    class PortedOutNumbers {
        private static final String PORTED_IN = "portedIn: [{number: \"+4799887766\", from: 2026-12-01}]\n";

        @Test
        void boundWithPrefixAndOrGateway() {
            SentralConfig config = load(GATEWAYS + """
                    portability:
                      portedOut:
                        - {number: "+4791234567", routingPrefix: "1601", gateway: carrier-2}
                        - {number: "+4791234568", routingPrefix: "0160"}
                        - {number: "+46701234567", gateway: carrier-1}
                    """);
            assertThat(config.portedOut()).contains(List.of(
                    new PortedOut(E164Number.of("+4791234567"), Optional.of("1601"), Optional.of("carrier-2")),
                    new PortedOut(E164Number.of("+4791234568"), Optional.of("0160"), Optional.empty()),
                    new PortedOut(E164Number.of("+46701234567"), Optional.empty(), Optional.of("carrier-1"))));
            assertThat(config.portabilityTable().portedOut(E164Number.of("+4791234568")))
                    .map(PortedOut::routingPrefix).contains(Optional.of("0160"));
        }

        @Test
        void absentSectionLeavesTheTableAloneAndAnEmptyOneClearsIt() {
            assertThat(load(GATEWAYS).portedOut()).isEmpty();
            assertThat(load(GATEWAYS + "portability: {portedOut: []}\n").portedOut()).contains(List.of());
            assertThat(load(GATEWAYS + "portability: {}\n").portedOut()).contains(List.of());
        }

        @Test
        void unknownGatewayIsRefused() {
            assertRefusedAt(GATEWAYS + "portability:\n  portedOut: [{number: \"+4791234567\", gateway: carrier-9}]\n",
                    "portability.portedOut[0].gateway: 'carrier-9' is not a configured gateway (gateways: carrier-1,"
                            + " carrier-2, emergency)");
        }

        @Test
        void emergencyGatewayIsRefused() {
            assertRefusedAt(GATEWAYS + "portability:\n  portedOut: [{number: \"+4791234567\", gateway: emergency}]\n",
                    "portability.portedOut[0].gateway: 'emergency' is an emergency gateway; ported numbers are reached"
                            + " through a carrier gateway");
        }

        @Test
        void neitherPrefixNorGatewayIsRefused() {
            assertRefusedAt(GATEWAYS + "portability:\n  portedOut: [{number: \"+4791234567\"}]\n",
                    "portability.portedOut[0]: give a routingPrefix, a gateway or both for the ported number"
                            + " +4791234567");
        }

        @Test
        void badPrefixIsRefused() {
            assertRefusedAt(GATEWAYS + "portability:\n  portedOut: [{number: \"+4791234567\", routingPrefix: \"16-01\"}]\n",
                    "portability.portedOut[0].routingPrefix: routing prefix must be 1-10 digits: '16-01'");
            assertRefusedAt(GATEWAYS + "portability:\n  portedOut: [{number: \"+4791234567\", routingPrefix: 1601}]\n",
                    "portability.portedOut[0].routingPrefix: write this value as quoted text, e.g. \"1601\""
                            + " (found 1601)");
        }

        @Test
        void duplicateNumberIsRefused() {
            assertRefusedAt(GATEWAYS + """
                    portability:
                      portedOut:
                        - {number: "+4791234567", routingPrefix: "1601"}
                        - {number: "+4791234567", routingPrefix: "1602"}
                    """, "portability.portedOut[1].number: duplicate ported-out number '+4791234567' (first at"
                    + " portability.portedOut[0].number)");
        }

        @Test
        void aPortedInNumberIsRefused() {
            assertRefusedAt(GATEWAYS + acmeWith(PORTED_IN)
                            + "portability:\n  portedOut: [{number: \"+4799887766\", routingPrefix: \"1601\"}]\n",
                    "portability.portedOut[0].number: +4799887766 is ported in to customer acme"
                            + " (customers[0].portedIn[0].number); a number cannot be ported in and out at once");
        }

        @Test
        void theRecordChecksGatewaysToo() {
            SentralConfig config = load(GATEWAYS);
            assertThatThrownBy(() -> new SentralConfig(config.node(), config.gateways(), config.customers(),
                    config.accounts(), config.numberPlan(), Optional.of(List.of(new PortedOut(
                    E164Number.of("+4791234567"), Optional.empty(), Optional.of("nowhere"))))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ported number +4791234567 names nowhere, which is not a configured carrier gateway");
        }
    }

    @Nested
    class NumberPlan {
        @Test
        void absentIsTheNordicDefault() {
            NumberPlanSettings plan = load("").numberPlan();
            assertThat(plan).isEqualTo(NumberPlanSettings.nordicDefaults());
            assertThat(plan.plan(Country.NO).premiumRate()).contains("+47820", "+47829").doesNotContain("+47815");
            assertThat(plan.plan(Country.NO).freephone()).containsExactly("+47800");
            assertThat(plan.plan(Country.SE).premiumRate()).contains("+46900", "+46939", "+46944");
            assertThat(plan.plan(Country.SE).freephone()).containsExactly("+4620");
        }

        @Test
        void aCountryReplacesTheListsItNamesAndKeepsTheOthers() {
            NumberPlanSettings plan = load("""
                    numberPlan:
                      NO:
                        premiumRate: ["+47820", "+47829", "+47815"]
                        freephone: []
                    """).numberPlan();
            assertThat(plan.plan(Country.NO)).isEqualTo(new NumberPlanSettings.CountryPlan(
                    List.of("+47820", "+47829", "+47815"), NumberPlanSettings.nordicDefaults().plan(Country.NO).special(),
                    List.of()));
            assertThat(plan.plan(Country.SE)).isEqualTo(NumberPlanSettings.nordicDefaults().plan(Country.SE));
        }

        @Test
        void prefixOfAnotherCountryIsRefused() {
            assertRefusedAt("numberPlan:\n  \"NO\": {premiumRate: [\"+47820\", \"+46900\"]}\n",
                    "numberPlan.NO.premiumRate[1]: +46900 is not a prefix of NO (it must start with +47)");
        }

        @Test
        void malformedPrefixIsRefused() {
            assertRefusedAt("numberPlan:\n  \"SE\": {special: [\"+46-77\"]}\n",
                    "numberPlan.SE.special[0]: '+46-77' is neither an E.164 prefix ('+' and digits, e.g. +46820) nor"
                            + " a short-number prefix (1-6 digits)");
        }

        @Test
        void countryCodeAloneIsRefused() {
            assertRefusedAt("numberPlan:\n  \"NO\": {special: [\"+47\"]}\n",
                    "numberPlan.NO.special[0]: +47 would cover every NO number (add at least one digit)");
        }

        @Test
        void unquotedPrefixIsRefused() {
            assertRefusedAt("numberPlan:\n  \"NO\": {premiumRate: [+47820]}\n",
                    "numberPlan.NO.premiumRate[0]: write this value as quoted text, e.g. \"+47820\" (found 47820)");
        }

        @Test
        void prefixInTwoListsIsRefused() {
            assertRefusedAt("numberPlan:\n  \"NO\": {premiumRate: [\"+47820\"], special: [\"+47820\"]}\n",
                    "numberPlan.NO.special[0]: duplicate prefix '+47820' (first at numberPlan.NO.premiumRate[0])");
            assertRefusedAt("numberPlan:\n  \"NO\": {special: [\"+47820\"]}\n",
                    "numberPlan.NO: number plan NO: prefix +47820 is listed twice (a prefix has one class)");
        }

        @Test
        void unknownCountryIsRefused() {
            assertRefusedAt("numberPlan:\n  DK: {premiumRate: [\"+45900\"]}\n",
                    "numberPlan.DK: unknown country 'DK' (expected NO or SE)");
        }

        @Test
        void unknownListIsRefused() {
            assertRefusedAt("numberPlan:\n  \"SE\": {premium: [\"+46900\"]}\n",
                    "numberPlan.SE.premium: unknown key (expected one of: freephone, premiumRate, special)");
        }

        @Test
        void unquotedNorwayKeyIsStillNorway() {
            assertThat(load("numberPlan:\n  NO: {freephone: [\"+47800\", \"+47801\"]}\n").numberPlan()
                    .plan(Country.NO).freephone()).containsExactly("+47800", "+47801");
        }
    }

    @Test
    void theFourPartConstructorDefaultsTheNewParts() {
        SentralConfig full = load(GATEWAYS + acmeWith("monthlyCostLimit: 100\n"));
        SentralConfig four = new SentralConfig(full.node(), full.gateways(), full.customers(), full.accounts());
        assertThat(four.numberPlan()).isEqualTo(NumberPlanSettings.nordicDefaults());
        assertThat(four.portedOut()).isEmpty();
        assertThat(four).isEqualTo(full);
        assertThat(four.withNode(full.node()).withGateways(full.gateways()).withCustomers(full.customers()))
                .isEqualTo(full);
    }

    @Test
    void unknownTopLevelKeyNamesTheNewSections() {
        assertRefusedAt("portabilty: {}\n", "portabilty: unknown key (expected one of: accounts,"
                + " customers, gateways, node, numberPlan, portability)");
    }
}
