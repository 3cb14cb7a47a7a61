package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.DemoTenants.SVEA;
import static io.sentral.routing.DemoTenants.SVEA_PBX;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.policy.CallerIdAction;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import io.sentral.core.tenant.CallerIdPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * T5, adversarially: what a customer presents (From, P-Preferred-Identity, P-Asserted-Identity,
 * Privacy) and what the network is told. acme's registration trunk rejects what it does not own;
 * svea's static trunk (trusted by IP, so its PAI counts) replaces it with +46812345600. Every row
 * checks the whole outcome: the caller identity sent on, or the 403 and its reason, and the event.
 */
class CallerIdTableTest {

    /** What the customer sends, besides the dialled number. */
    record Sent(String from, Optional<String> ppi, Optional<String> pai, Optional<String> privacy) {
        Sent ppi(String value) {
            return new Sent(from, Optional.of(value), pai, privacy);
        }

        Sent pai(String value) {
            return new Sent(from, ppi, Optional.of(value), privacy);
        }

        Sent privacy(String value) {
            return new Sent(from, ppi, pai, Optional.of(value));
        }
    }

    sealed interface Expected {
    }

    /** Passes: From shows {@code fromUser}, the network gets {@code asserted}. */
    record Passed(String fromUser, String asserted, boolean privacy) implements Expected {
    }

    /** 403 with this reason and a REJECTED event for {@code presented}. */
    record Rejected(String reason, String presented) implements Expected {
    }

    /** Goes out as the trunk's default number, with a REPLACED event for {@code presented}. */
    record Replaced(String fromUser, String presented, boolean privacy) implements Expected {
    }

    record Case(String what, TenantId tenant, Sent sent, Expected expected) {
        @Override
        public String toString() {
            return tenant + ": " + what;
        }
    }

    private static Sent from(String value) {
        return new Sent(value, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Passed owned(String number) {
        return new Passed(number, number, false);
    }

    private static Passed hidden(String number) {
        return new Passed("anonymous", number, true);
    }

    private static Rejected notOwned(String number) {
        return new Rejected("Forbidden (caller-ID " + number + " is not owned by acme)", number);
    }

    private static Rejected notANumber(String shown) {
        return new Rejected("Forbidden (caller-ID '" + shown + "' is not a number)", shown);
    }

    private static Replaced replaced(String presented) {
        return new Replaced("+46812345600", presented, false);
    }

    private static Case acme(String what, Sent sent, Expected expected) {
        return new Case(what, ACME, sent, expected);
    }

    private static Case svea(String what, Sent sent, Expected expected) {
        return new Case(what, SVEA, sent, expected);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // acme: registration trunk, Norwegian plan, policy reject
                acme("international form of a range number", from("+4722120005"), owned("+4722120005")),
                acme("national 8-digit form", from("22120005"), owned("+4722120005")),
                acme("00 international prefix", from("004722120005"), owned("+4722120005")),
                acme("tel: URI with visual separators", from("+47-22-12-00-05"), owned("+4722120005")),
                acme("spaces and parentheses", from("(0047) 2212 0005"), owned("+4722120005")),
                acme("last number of the range", from("+4722120099"), owned("+4722120099")),
                acme("just above the range", from("+4722120100"), notOwned("+4722120100")),
                acme("just below the range", from("+4722119999"), notOwned("+4722119999")),
                acme("verified extra number", from("+4791000001"), owned("+4791000001")),
                acme("verified extra number, national form", from("91000001"), owned("+4791000001")),
                acme("neighbour of the extra number", from("+4791000002"), notOwned("+4791000002")),
                acme("another customer's number (svea)", from("+46812345600"), notOwned("+46812345600")),
                acme("another customer's number (fjord)", from("+4723450101"), notOwned("+4723450101")),
                acme("a Swedish national form in the Norwegian plan", from("0812345600"), notANumber("0812345600")),
                acme("empty", from(""), new Rejected("Forbidden (caller-ID is empty)", "")),
                acme("anonymous", from("anonymous"), new Rejected(
                        "Forbidden (caller-ID is anonymous; present an owned number, with Privacy: id to hide it)",
                        "anonymous")),
                acme("letters", from("reception"), notANumber("reception")),
                acme("letters in a number", from("2212OOO5"), notANumber("2212OOO5")),
                acme("16 digits", from("+4722120005123456"), notANumber("+4722120005123456")),
                acme("a lone plus", from("+"), notANumber("+")),
                acme("double plus", from("++4722120005"), notANumber("++4722120005")),
                acme("Arabic-Indic digits", from("\u0662\u0662\u0661\u0662\u0660\u0660\u0660\u0665"),
                        notANumber("????????")),
                acme("fullwidth digits", from("2212\uff10\uff10\uff105"), notANumber("2212???5")),
                acme("display name and brackets the edge could not parse",
                        from("\"Reception\" <sip:+4722120005@acme>"),
                        notANumber("\"Reception\" <sip:+4722120005@acm...")),
                acme("tel: scheme left in", from("tel:+4722120005"), notANumber("tel:+4722120005")),
                acme("sip: URI left in", from("sip:+4722120005@acme.example"),
                        notANumber("sip:+4722120005@acme.example")),
                acme("CRLF header injection", from("+4722120005\r\nP-Asserted-Identity: +4790000000"),
                        notANumber("+4722120005??P-Asserted-Identity...")),
                acme("PPI owned beats an unowned From", from("+4790000000").ppi("+4722120005"), owned("+4722120005")),
                acme("PPI unowned is judged even with an owned From", from("+4722120005").ppi("+4790000000"),
                        notOwned("+4790000000")),
                acme("PAI from a registration trunk is ignored (cannot launder)",
                        from("+4790000000").pai("+4722120005"), notOwned("+4790000000")),
                acme("PAI from a registration trunk is ignored (cannot spoof)",
                        from("+4722120005").pai("+4790000000"), owned("+4722120005")),
                acme("Privacy: id", from("+4722120005").privacy("id"), hidden("+4722120005")),
                acme("Privacy: user", from("22120005").privacy("user"), hidden("+4722120005")),
                acme("Privacy: header;id, mixed case", from("+4722120005").privacy("Header; ID"),
                        hidden("+4722120005")),
                acme("Privacy: none", from("+4722120005").privacy("none"), owned("+4722120005")),
                acme("Privacy: session only", from("+4722120005").privacy("session"), owned("+4722120005")),
                acme("anonymous From with an owned PPI and Privacy: id",
                        from("anonymous").ppi("+4722120005").privacy("id"), hidden("+4722120005")),

                // svea: static trunk, Swedish plan, policy replace
                svea("international form", from("+46812345601"), owned("+46812345601")),
                svea("Swedish national form with trunk prefix", from("0812345601"), owned("+46812345601")),
                svea("Swedish national form with separators", from("08-123 456 01"), owned("+46812345601")),
                svea("00 international prefix", from("0046812345601"), owned("+46812345601")),
                svea("national number without trunk prefix", from("812345601"), replaced("812345601")),
                svea("a Norwegian national form in the Swedish plan", from("22120005"), replaced("22120005")),
                svea("another customer's number (acme)", from("+4722120005"), replaced("+4722120005")),
                svea("just above the range", from("+46812345700"), replaced("+46812345700")),
                svea("PAI from a static trunk is honoured", from("+4790000000").pai("+46812345601"),
                        owned("+46812345601")),
                svea("PAI from a static trunk is judged before an owned From",
                        from("+46812345601").pai("+4790000000"), replaced("+4790000000")),
                svea("PAI beats PPI", from("+46812345601").ppi("+4790000000").pai("+46812345602"),
                        owned("+46812345602")),
                svea("anonymous without Privacy stays hidden when replaced", from("anonymous"),
                        new Replaced("anonymous", "anonymous", true)),
                svea("empty", from(""), replaced("")),
                svea("letters with Privacy: id", from("reception").privacy("id"),
                        new Replaced("anonymous", "reception", true)),
                svea("owned with Privacy: none", from("+46812345601").privacy("none"), owned("+46812345601")));
    }

    private final RoutingFixture fixture = new RoutingFixture();
    private final DefaultCallRouter router = fixture.router();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callerIdOutcome(Case c) {
        boolean acme = c.tenant().equals(ACME);
        CallOrigin origin = acme ? RoutingFixture.FROM_ACME : RoutingFixture.FROM_SVEA;
        TrunkId trunk = acme ? ACME_PBX : SVEA_PBX;
        Sent sent = c.sent();
        CallRequest request = fixture.call(origin, acme ? "91234567" : "0701234567", sent.from(), sent.pai(),
                sent.ppi(), sent.privacy());

        RoutePlan plan = router.route(request);

        switch (c.expected()) {
            case Passed passed -> {
                RoutePlan.Forward forward = RoutingFixture.forward(plan);
                assertThat(forward.caller()).isEqualTo(
                        new CallerIdentity(passed.fromUser(), Optional.of(passed.asserted()), passed.privacy()));
                assertThat(forward.events()).isEmpty();
                assertThat(forward.rule()).isEqualTo("outbound.carrier-gateways");
            }
            case Rejected rejected -> assertThat(plan).isEqualTo(new RoutePlan.Reject(403, rejected.reason(),
                    "outbound.caller-id", Optional.empty(), List.of(new PolicyEvent.CallerIdNotOwned(c.tenant(),
                    trunk, CallerIdAction.REJECTED, rejected.presented()))));
            case Replaced replaced -> {
                RoutePlan.Forward forward = RoutingFixture.forward(plan);
                assertThat(forward.caller()).isEqualTo(
                        new CallerIdentity(replaced.fromUser(), Optional.of("+46812345600"), replaced.privacy()));
                assertThat(forward.events()).containsExactly(new PolicyEvent.CallerIdNotOwned(c.tenant(), trunk,
                        CallerIdAction.REPLACED, replaced.presented()));
            }
        }
    }

    @Test
    void aStaticTrunkThatRejectsHonoursAnOwnedPaiAndRejectsAnUnownedOne() {
        fixture.tenants = DemoTenants.tenants().sveaPolicy(CallerIdPolicy.REJECT).build();
        DefaultCallRouter strict = fixture.router();

        RoutePlan owned = strict.route(fixture.call(RoutingFixture.FROM_SVEA, "0701234567", "+4790000000",
                Optional.of("0812345699"), Optional.empty(), Optional.empty()));
        RoutePlan spoofed = strict.route(fixture.call(RoutingFixture.FROM_SVEA, "0701234567", "+46812345601",
                Optional.of("+4722120005"), Optional.empty(), Optional.empty()));

        assertThat(RoutingFixture.forward(owned).caller().asserted()).contains("+46812345699");
        assertThat(spoofed).isEqualTo(new RoutePlan.Reject(403, "Forbidden (caller-ID +4722120005 is not owned by svea)",
                "outbound.caller-id", Optional.empty(), List.of(new PolicyEvent.CallerIdNotOwned(SVEA, SVEA_PBX,
                CallerIdAction.REJECTED, "+4722120005"))));
    }
}
