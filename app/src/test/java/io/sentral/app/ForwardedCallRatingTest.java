package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentral.app.web.Http;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R1, R2, T8 over real SIP: when Sentral sends a switchboard user's call on to a number of the
 * public network — forwarding (S7: always, busy, unreachable), absence forwarding (S6) or a
 * transfer (S8) — the leg onwards leaves a call record of its own, rated forwarded/transferred by
 * the bundled tariff (0.49 start + 0.49 per started minute) and counted by the monthly cost limit,
 * while the inbound call itself stays free. A transfer to a colleague adds no charge (internal).
 *
 * <pre>
 * carrier 127.0.0.2         Sentral                  Alice's phone
 *   | INVITE +4723450101 --->|--- INVITE ----------------->|
 *   |                        |<-- 486 Busy Here -----------|
 *   |<-- INVITE +4790000077 -|  (forwarded on busy; CDR "...;onward=1")
 *   |--- 200 --------------->|
 *   |<-- 200 (to the caller)-|
 *   |--- BYE --------------->|--- BYE (onward leg) ------->carrier
 * </pre>
 */
class ForwardedCallRatingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "+4723450101";
    private static final String BOB = "+4723450102";
    private static final String CALLER = "+4791234567";
    private static final String MOBILE = "+4790000077";
    private static final TenantId FJORD = TenantId.of("fjord");

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private TestNode node;
    private SipTestAgent carrier;
    private Phones phones;

    private void start(UnaryOperator<User> users) {
        start(users, UnaryOperator.identity());
    }

    private void start(UnaryOperator<User> users, UnaryOperator<io.sentral.core.provisioning.CustomerProvisioning> more) {
        UnaryOperator<io.sentral.core.provisioning.CustomerProvisioning> withUsers = Provisionings.users("fjord", users);
        UnaryOperator<io.sentral.core.provisioning.CustomerProvisioning> withLimit =
                Provisionings.costLimit("fjord", new BigDecimal("1000"));
        scene = SwitchboardScene.start(dataDir, c -> more.apply(withLimit.apply(withUsers.apply(c))));
        carrier = scene.carrier;
        node = scene.node;
        phones = scene.phones;
    }

    @AfterEach
    void stop() {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void aCallForwardedOnBusyToAMobileLeavesAForwardedRecordThatCountsTowardsTheLimit_S7_R1_T8() {
        start(u -> u.id().value().equals("alice") ? withForwarding(u, new Forwarding(Optional.empty(),
                Optional.of(toMobile()), Optional.empty(), Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.empty())) : u);
        SipTestAgent alice = phones.register("alice");
        node.server.monthlySpend().refresh();
        assertThat(node.server.monthlySpend().spentThisMonth(FJORD)).isEqualByComparingTo("0");

        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        alice.respond(alice.awaitRequest("INVITE", WAIT), 486, "Busy Here");
        talkOnTheMobileAndHangUp(invite);

        CallRecord call = node.completedRecord(invite.callId());
        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.callee()).isEqualTo(ALICE);
        CallRecord onward = node.completedRecord(invite.callId() + ";onward=1");
        assertThat(onward.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(onward.tenant()).hasValue(FJORD);
        assertThat(onward.caller()).isEqualTo(CALLER);
        assertThat(onward.callee()).isEqualTo(MOBILE);
        assertThat(onward.onwardOf()).hasValue(invite.callId());
        assertThat(onward.answeredAt()).isPresent();

        assertThat(cdr(invite.callId()).get("cost").asText()).as("receiving the call is free").isEqualTo("0.00");
        JsonNode leg = cdr(invite.callId() + ";onward=1");
        assertThat(leg.get("category").asText()).isEqualTo("forwarded-transferred");
        assertThat(leg.get("cost").asText()).as("0.49 start + 1 started minute x 0.49").isEqualTo("0.98");
        node.server.monthlySpend().refresh();
        assertThat(node.server.monthlySpend().spentThisMonth(FJORD)).isEqualByComparingTo("0.98");
    }

    @Test
    void aForwardingAbroadIsRefusedWhenTheCustomerBarsInternationalCalls_T8() {
        start(u -> u.id().value().equals("alice") ? withForwarding(u, new Forwarding(Optional.of(
                        new CallTarget.ToNumber(E164Number.of("+46701234567"))), Optional.empty(), Optional.empty(),
                        Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.empty())) : u,
                Provisionings.barrings("fjord", java.util.Set.of(io.sentral.core.barring.BarringClass.INTERNATIONAL)));

        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        SipMessage refused = carrier.awaitResponse(invite, 403, WAIT);
        assertThat(refused.reason()).isEqualTo("Forbidden (international calls barred)");
        assertThat(node.server.meters().scrape()).as("counted for the customer's switchboard")
                .contains("sentral_calls_barred_total{bar=\"international\",tenant=\"fjord\",trunk=\"fjord-switchboard\"} 1.0");
        assertThat(node.server.callRecords().find(invite.callId() + ";onward=1")).as("no leg was placed").isEmpty();
    }

    @Test
    void aCallForwardedAlwaysIsRecordedAsTheCallToTheUserPlusTheForwardedLeg_S7_R1() {
        start(u -> u.id().value().equals("alice") ? withForwarding(u, new Forwarding(Optional.of(toMobile()),
                Optional.empty(), Optional.empty(), Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.empty())) : u);

        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        talkOnTheMobileAndHangUp(invite);

        CallRecord call = node.completedRecord(invite.callId());
        assertThat(call.direction()).as("still the call from the network to Alice").isEqualTo(CallDirection.INBOUND);
        assertThat(call.callee()).isEqualTo(ALICE);
        node.completedRecord(invite.callId() + ";onward=1");
        assertThat(cdr(invite.callId()).get("cost").asText()).isEqualTo("0.00");
        assertThat(cdr(invite.callId() + ";onward=1").get("category").asText()).isEqualTo("forwarded-transferred");
        assertThat(cdr(invite.callId() + ";onward=1").get("cost").asText()).isEqualTo("0.98");
    }

    @Test
    void aCallForwardedWhenTheUserIsUnreachableIsRatedForwarded_S7_R1() {
        start(u -> u.id().value().equals("alice") ? withForwarding(u, new Forwarding(Optional.empty(),
                Optional.empty(), Optional.empty(), Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.of(toMobile()))) : u);

        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        talkOnTheMobileAndHangUp(invite);

        node.completedRecord(invite.callId() + ";onward=1");
        assertThat(cdr(invite.callId() + ";onward=1").get("category").asText()).isEqualTo("forwarded-transferred");
    }

    @Test
    void anAbsenceForwardingToAnOutsideNumberIsRatedForwarded_S6_R1() {
        start(UnaryOperator.identity());
        phones.register("bob");
        node.server.absences().add(new Absence(UserId.of("bob"), AbsenceReason.VACATION,
                Instant.now().minusSeconds(60), Optional.of(Instant.now().plusSeconds(3600)),
                Optional.of(E164Number.of(MOBILE)), Absence.Source.MANUAL));

        SipMessage invite = Phones.callIn(node, carrier, CALLER, BOB, 40000);
        talkOnTheMobileAndHangUp(invite);

        assertThat(node.completedRecord(invite.callId()).callee()).isEqualTo(BOB);
        node.completedRecord(invite.callId() + ";onward=1");
        assertThat(cdr(invite.callId() + ";onward=1").get("category").asText()).isEqualTo("forwarded-transferred");
        assertThat(cdr(invite.callId() + ";onward=1").get("cost").asText()).isEqualTo("0.98");
    }

    @Test
    void anUnansweredForwardingCostsNothing_S7_R2() {
        start(u -> u.id().value().equals("alice") ? withForwarding(u, new Forwarding(Optional.of(toMobile()),
                Optional.empty(), Optional.empty(), Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.empty())) : u);
        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        SipMessage out = carrier.awaitRequest(m -> m.method().equals("INVITE") && m.requestUri().contains(MOBILE), WAIT);
        carrier.respond(out, 486, "Busy Here");
        carrier.awaitResponse(invite, 486, WAIT);

        CallRecord onward = node.completedRecord(invite.callId() + ";onward=1");
        assertThat(onward.answeredAt()).isEmpty();
        assertThat(onward.status()).hasValue(486);
        assertThat(cdr(invite.callId() + ";onward=1").get("cost").asText()).isEqualTo("0.00");
    }

    @Test
    void aTransferToAnOutsideNumberIsForwardedButToAColleagueItIsInternalAndFree_S8_R1() {
        start(UnaryOperator.identity());
        SipTestAgent alice = phones.register("alice");
        SipTestAgent carol = phones.register("carol");

        // to a colleague's extension: no leg onwards, the call stays a free inbound call
        SipMessage first = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        Dialog firstAlice = answer(alice, 40010);
        Dialog firstCaller = Phones.connect(carrier, first);
        alice.awaitResponse(alice.refer(firstAlice, "<sip:103@" + DOMAIN + ">"), 202, WAIT);
        Phones.answerNext(alice, "NOTIFY");
        SipMessage atCarol = carol.awaitRequest("INVITE", WAIT);
        carol.respond(atCarol, 180, "Ringing");
        carol.answer(atCarol, Sdp.offer("127.0.0.1", 40020));
        carrier.answer(carrier.awaitRequest("INVITE", WAIT), Sdp.offer("127.0.0.2", 40090));
        carol.awaitRequest("ACK", WAIT);
        Phones.answerNext(alice, "NOTIFY");
        Phones.answerNext(alice, "BYE");
        carrier.bye(firstCaller);
        Phones.answerNext(carol, "BYE");
        node.completedRecord(first.callId());
        assertThat(node.record(first.callId() + ";onward=1")).isEmpty();
        JsonNode internal = cdr(first.callId());
        assertThat(internal.get("category").asText()).isNotEqualTo("forwarded-transferred");
        assertThat(internal.get("cost").asText()).isEqualTo("0.00");

        // to a mobile: the leg onwards is charged from its answer
        SipMessage second = Phones.callIn(node, carrier, CALLER, ALICE, 40100);
        Dialog secondAlice = answer(alice, 40110);
        Dialog secondCaller = Phones.connect(carrier, second);
        alice.awaitResponse(alice.refer(secondAlice, "<sip:90000077@" + DOMAIN + ">"), 202, WAIT);
        Phones.answerNext(alice, "NOTIFY");
        SipMessage out = carrier.awaitRequest(m -> m.method().equals("INVITE") && m.requestUri().contains(MOBILE), WAIT);
        carrier.respond(out, 180, "Ringing");
        carrier.answer(out, Sdp.offer("127.0.0.2", 40170));
        carrier.answer(carrier.awaitRequest(m -> m.method().equals("INVITE") && m.body().contains("40170"), WAIT),
                Sdp.offer("127.0.0.2", 40190, 2));
        carrier.awaitRequest("ACK", WAIT);
        Phones.answerNext(alice, "NOTIFY");
        Phones.answerNext(alice, "BYE");
        carrier.bye(secondCaller);
        Phones.answerNext(carrier, "BYE");

        node.completedRecord(second.callId());
        CallRecord onward = node.completedRecord(second.callId() + ";onward=1");
        assertThat(onward.callee()).isEqualTo(MOBILE);
        assertThat(onward.answeredAt()).isPresent();
        assertThat(cdr(second.callId()).get("cost").asText()).as("the inbound call stays free").isEqualTo("0.00");
        JsonNode leg = cdr(second.callId() + ";onward=1");
        assertThat(leg.get("category").asText()).isEqualTo("forwarded-transferred");
        assertThat(leg.get("cost").asText()).isEqualTo("0.98");
        node.server.monthlySpend().refresh();
        assertThat(node.server.monthlySpend().spentThisMonth(FJORD)).isEqualByComparingTo("0.98");
    }

    /** The carrier, as the mobile's network, answers the forwarded INVITE; the caller is connected, then hangs up. */
    private void talkOnTheMobileAndHangUp(SipMessage invite) {
        SipMessage out = carrier.awaitRequest(m -> m.method().equals("INVITE") && m.requestUri().contains(MOBILE), WAIT);
        assertThat(out.from().uri()).as("the caller's number goes along").contains(CALLER);
        Phones.pickUp(carrier, out, 40020);
        Dialog caller = Phones.connect(carrier, invite);
        carrier.bye(caller);
        Phones.answerNext(carrier, "BYE");
    }

    private static Dialog answer(SipTestAgent phone, int mediaPort) {
        SipMessage incoming = phone.awaitRequest("INVITE", WAIT);
        return Dialog.asUas(incoming, Phones.pickUp(phone, incoming, mediaPort));
    }

    /** The rated CDR of {@code callId} as fjord's export shows it to the NOC. */
    private JsonNode cdr(String callId) {
        try {
            JsonNode cdrs = JSON.readTree(Http.to(node.server.httpPort()).as("noc", "noc-secret")
                    .get("/api/customers/fjord/cdrs").body());
            return StreamSupport.stream(cdrs.spliterator(), false)
                    .filter(c -> c.get("callId").asText().equals(callId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no CDR " + callId + " in " + cdrs));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CallTarget toMobile() {
        return new CallTarget.ToNumber(E164Number.of(MOBILE));
    }

    private static User withForwarding(User u, Forwarding forwarding) {
        return new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(), u.extension(),
                u.sipCredentials(), u.mobile(), u.directNumber(), u.extraTerminal(), forwarding, u.presentation());
    }
}
