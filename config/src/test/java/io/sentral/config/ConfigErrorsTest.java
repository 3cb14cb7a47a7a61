package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Broken files are refused with the file, the YAML path and the problem with the bad value. */
class ConfigErrorsTest {
    private static final String ACME = """
            customers:
              - id: acme
                name: Acme AS
                country: "NO"
                numbers: ["+4722120000-+4722120099"]
                trunks:
                  - id: acme-pbx
                    kind: registration
                    username: acme-pbx
                    password: acme-secret
                    numbers: ["+4722120000-+4722120099"]
                    defaultNumber: "+4722120000"
            """;

    private static final String FJORD = """
              - id: fjord
                name: Fjord AS
                country: "NO"
                numbers: ["+4723450000-+4723450199"]
                users:
                  - {username: alice, password: alice-secret, firstName: Alice, extension: "101"}
                queues:
                  - name: Sentralbord
                    number: "+4723450000"
                    members: [alice]
                    strategy: %s
            """;

    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> loader.parse("bad.yaml", yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void locationFormatIsForEmergencyGatewaysOnlyAndMustBeKnown() {
        assertRefused("gateways:\n  - name: carrier-1\n    address: \"127.0.0.2:5060\"\n    locationFormat: header\n",
                "bad.yaml: gateways[0].locationFormat: only emergency gateways receive caller locations");
        assertRefused("gateways:\n  - name: psap\n    role: emergency\n    address: \"127.0.0.4:5060\"\n"
                        + "    locationFormat: xml\n",
                "bad.yaml: gateways[0].locationFormat: unknown location format 'xml' (expected one of: pidf-lo, header)");
        assertThat(loader.parse("ok.yaml", "gateways:\n  - name: psap\n    role: emergency\n"
                + "    address: \"127.0.0.4:5060\"\n    locationFormat: header\n").gateways().getFirst()
                .locationFormat()).isEqualTo(LocationFormat.HEADER);
    }

    @Test
    void durationWithoutUnit() {
        assertRefused("node:\n  sip:\n    minExpires: 60\n",
                "bad.yaml: node.sip.minExpires: not a duration: 60 (give a unit: ms, s, m or h, e.g. 15s)");
    }

    @Test
    void durationThatIsNotOne() {
        assertRefused("node:\n  sip:\n    gatewayTimeout: two seconds\n",
                "bad.yaml: node.sip.gatewayTimeout: not a duration: 'two seconds' (use a whole number and a unit:"
                        + " ms, s, m or h, e.g. 15s)");
    }

    @Test
    void unknownKey() {
        assertRefused("node:\n  sip:\n    prot: 5060\n",
                "bad.yaml: node.sip.prot: unknown key (expected one of: blocking, defaultExpires, domain, gatewayPingInterval, gatewayTimeout, lanes,"
                        + " listenAddress, maxExpires, minExpires, nonceTtl, port, tlsPort, transports)");
    }

    @Test
    void unknownKeyInACustomer() {
        assertRefused(ACME.replace("    country: \"NO\"\n", "    country: \"NO\"\n    colour: blue\n"),
                "bad.yaml: customers[0].colour: unknown key (expected one of: barring, country, emergencyAddresses,"
                        + " extraNumbers, id, mainNumber, monthlyCostLimit, name, numbers, portedIn, queueHistoryDays,"
                        + " queues, trunks, users, vipList, webAccounts)");
    }

    @Test
    void badE164Range() {
        assertRefused(ACME + """
                  - id: svea
                    name: Svea AB
                    country: SE
                    numbers: ["+47abc"]
                """, "bad.yaml: customers[1].numbers[0]: not an E.164 range: '+47abc'");
    }

    @Test
    void unquotedNumber() {
        assertRefused(ACME.replace("defaultNumber: \"+4722120000\"", "defaultNumber: +4722120000"),
                "bad.yaml: customers[0].trunks[0].defaultNumber: write numbers as quoted text, e.g. \"+4722120000\""
                        + " (found 4722120000)");
    }

    @Test
    void unknownQueueStrategy() {
        assertRefused("customers:\n" + FJORD.formatted("fastest-first"),
                "bad.yaml: customers[0].queues[0].strategy: unknown queue strategy 'fastest-first' (expected one of:"
                        + " ring-all, round-robin, longest-idle, fewest-calls, serial)");
    }

    @Test
    void unknownNoAgentRuleAndNegativeAutopause_S4() {
        assertRefused("customers:\n" + FJORD.formatted("serial\n        whenNoAgent: sometimes"),
                "bad.yaml: customers[0].queues[0].whenNoAgent: unknown no-agent rule 'sometimes' (expected one of:"
                        + " wait, overflow-when-none-logged-in, overflow-when-none-available)");
        assertThatThrownBy(() -> loader.parse("bad.yaml", "customers:\n"
                + FJORD.formatted("serial\n        autopauseAfterMisses: -1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml: customers[0].queues[0].autopauseAfterMisses:");
    }

    @Test
    void unknownCallerIdPolicy() {
        assertRefused(ACME + "        callerIdPolicy: ignore\n",
                "bad.yaml: customers[0].trunks[0].callerIdPolicy: unknown caller-ID policy 'ignore' (expected one of:"
                        + " reject, replace)");
    }

    @Test
    void trunkNumbersOutsideTheCustomers() {
        assertRefused(ACME.replace("numbers: [\"+4722120000-+4722120099\"]\n        defaultNumber",
                        "numbers: [\"+4722120050-+4722120149\"]\n        defaultNumber"),
                "bad.yaml: customers[0].trunks[0].numbers[0]: +4722120050-+4722120149 is not among the customer's"
                        + " numbers [+4722120000-+4722120099]");
    }

    @Test
    void duplicateTrunkId() {
        assertRefused(ACME + """
                  - id: acme2
                    name: Acme 2 AS
                    country: "NO"
                    numbers: ["+4722130000-+4722130099"]
                    trunks:
                      - id: acme-pbx
                        kind: static
                        trustedSources: ["127.0.0.9"]
                        address: "127.0.0.9:5060"
                        numbers: ["+4722130000-+4722130099"]
                        defaultNumber: "+4722130000"
                """, "bad.yaml: customers[1].trunks[0].id: duplicate trunk id 'acme-pbx' (first at customers[0].trunks[0].id)");
    }

    @Test
    void registrationTrunkWithoutPassword() {
        assertRefused(ACME.replace("        password: acme-secret\n", ""),
                "bad.yaml: customers[0].trunks[0].password: missing: a registration trunk needs username and password");
    }

    @Test
    void staticTrunkWithoutAddress() {
        assertRefused(ACME.replace("""
                        kind: registration
                        username: acme-pbx
                        password: acme-secret
                """, """
                        kind: static
                        trustedSources: ["127.0.0.5"]
                """), "bad.yaml: customers[0].trunks[0].address: missing: a static trunk needs trustedSources and address");
    }

    @Test
    void overlappingRangesOfTwoCustomers() {
        assertRefused(ACME + """
                  - id: svea
                    name: Svea AB
                    country: SE
                    numbers: ["+4722120090-+4722120190"]
                """, "bad.yaml: customers[1].numbers[0]: +4722120090-+4722120190 overlaps +4722120000-+4722120099"
                + " of customer acme (customers[0].numbers[0])");
    }

    @Test
    void queueMemberThatIsNotAUser() {
        assertRefused("customers:\n" + FJORD.formatted("ring-all").replace("members: [alice]", "members: [alice, bob]"),
                "bad.yaml: customers[0].queues[0].members[1]: 'bob' is not a user of customer fjord");
    }

    @Test
    void postcodeMustBeQuoted() {
        assertRefused(ACME + """
                    emergencyAddresses:
                      - numbers: ["+4722120000-+4722120099"]
                        address: {street: Storgata, houseNumber: "1", postcode: 0155, town: Oslo, country: "NO"}
                """, "bad.yaml: customers[0].emergencyAddresses[0].address.postcode: write this value as quoted text,"
                + " e.g. \"0155\" (found 109)");
    }

    @Test
    void norwayUnquotedIsABoolean() {
        assertRefused(ACME.replace("country: \"NO\"", "country: NO"),
                "bad.yaml: customers[0].country: write this value as quoted text, e.g. \"NO\" (found the boolean false"
                        + " (YAML reads yes/no/on/off/NO as booleans: quote it))");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        assertRefused("node:\n  sip:\n    port: 5060\n   domain: [x\n",
                "bad.yaml: line 4, column 4: YAML syntax error: expected <block end>, but found '<block mapping start>'"
                        + " (while parsing a block mapping)");
    }

    @Test
    void duplicateKey() {
        assertRefused("node:\n  sip:\n    port: 5060\n    port: 5070\n",
                "bad.yaml: line 4, column 9: YAML syntax error: duplicate key 'port'");
    }

    @Test
    void minExpiresAboveMaxExpires() {
        assertRefused("node:\n  sip:\n    minExpires: 2h\n    maxExpires: 1h\n    defaultExpires: 1h\n",
                "bad.yaml: node.sip.minExpires: minExpires 7200s is longer than maxExpires 3600s");
    }

    @Test
    void badEnvironmentOverride() {
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of("SENTRAL_SIP_PORT", "five")).parse("ok.yaml", ""))
                .hasMessage("environment: SENTRAL_SIP_PORT: not an integer: 'five'");
    }

    @Test
    void emergencyRangesMayNestButNotOverlapPartly() {
        assertRefused(ACME + """
                    emergencyAddresses:
                      - numbers: ["+4722120000-+4722120049"]
                        address: {street: Storgata, postcode: "0155", town: Oslo, country: "NO"}
                      - numbers: ["+4722120040-+4722120099"]
                        address: {street: Torget, postcode: "1606", town: Fredrikstad, country: "NO"}
                """, "bad.yaml: customers[0].emergencyAddresses[1].numbers[0]: +4722120040-+4722120099 overlaps"
                + " +4722120000-+4722120049 (customers[0].emergencyAddresses[0].numbers[0]) partly; address ranges"
                + " may only nest");
    }

    @Test
    void passwordOnAStaticTrunk() {
        assertRefused(ACME.replace("kind: registration", "kind: static"),
                "bad.yaml: customers[0].trunks[0].username: not used by a static trunk");
    }

    @Test
    void switchboardNumberOnATrunk() {
        assertRefused(ACME.replace("    numbers: [\"+4722120000-+4722120099\"]\n    trunks:",
                "    numbers: [\"+4722120000-+4722120099\"]\n    mainNumber: \"+4722120001\"\n    trunks:"),
                "bad.yaml: customers[0].mainNumber: +4722120001 is a number of trunk acme-pbx; a main number must not"
                        + " be on a trunk");
    }
}
