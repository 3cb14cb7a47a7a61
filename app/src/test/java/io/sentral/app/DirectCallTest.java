package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S1, S6, S7 direct calls to switchboard users over real SIP: all of a user's devices ring at once,
 * extensions, forwarding on no answer, absence forwarding.
 *
 * <pre>
 * carrier 127.0.0.2       Sentral                 Alice's desk phone   Alice's softphone
 *   | INVITE +4723450101 ->|--- INVITE --------------->|                    |
 *   |                      |--- INVITE ------------------------------------>|
 *   |                      |<-- 200 --------------------------------------- |
 *   |<-- 200 --------------|--- CANCEL (Reason: SIP;cause=200) -->|         |
 * </pre>
 */
class DirectCallTest {
    private static final String ALICE = "+4723450101";
    private static final String BOB = "+4723450102";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private TestNode node;
    private SipTestAgent carrier;
    private Phones phones;

    private void start(UnaryOperator<User> users) {
        scene = SwitchboardScene.start(dataDir, Provisionings.users("fjord", users));
        carrier = scene.carrier;
        node = scene.node;
        phones = scene.phones;
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void allOfAUsersDevicesRingAndTheOthersAreCancelledWhenOneAnswers_S1() {
        start(UnaryOperator.identity());
        SipTestAgent desk = phones.register("alice");
        SipTestAgent soft = phones.register("alice");

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", ALICE, 40000);
        SipMessage atDesk = desk.awaitRequest("INVITE", WAIT);
        SipMessage atSoft = soft.awaitRequest("INVITE", WAIT);
        desk.respond(atDesk, 180, "Ringing");
        soft.respond(atSoft, 180, "Ringing");
        carrier.awaitResponse(invite, 180, WAIT);

        Phones.pickUp(soft, atSoft, 40010);
        Phones.connect(carrier, invite);
        SipMessage cancel = desk.awaitRequest("CANCEL", WAIT);
        assertThat(cancel.header("Reason")).hasValueSatisfying(r -> assertThat(r)
                .contains("cause=200").contains("Call completed elsewhere"));
        desk.respond(cancel, 200, "OK");
        desk.respond(atDesk, 487, "Request Terminated");
    }

    @Test
    void anExtensionReachesTheColleague_S1() {
        start(UnaryOperator.identity());
        SipTestAgent bob = phones.register("bob");
        SipTestAgent alice = phones.register("alice");

        SipMessage invite = bob.newInvite("sip:bob@" + DOMAIN, "sip:101@" + DOMAIN, Sdp.offer("127.0.0.1", 40000));
        bob.send(invite, node.address);
        SipMessage authorized = new DigestClient("bob", "bob-secret")
                .authorize(invite, bob.awaitResponse(invite, 407, WAIT));
        bob.send(authorized, node.address);

        SipMessage atAlice = alice.awaitRequest("INVITE", WAIT);
        Phones.pickUp(alice, atAlice, 40010);
        Phones.connect(bob, authorized);
    }

    @Test
    void anUnansweredCallIsForwardedAfterTheNoAnswerTimeWithADiversion_S7() {
        Forwarding toCarol = new Forwarding(Optional.empty(), Optional.empty(),
                Optional.of(new CallTarget.ToUser(UserId.of("carol"))), Duration.ofSeconds(2), Optional.empty());
        start(u -> u.id().value().equals("alice") ? withForwarding(u, toCarol) : u);
        SipTestAgent alice = phones.register("alice");
        SipTestAgent carol = phones.register("carol");

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", ALICE, 40000);
        SipMessage atAlice = alice.awaitRequest("INVITE", WAIT);
        alice.respond(atAlice, 180, "Ringing");
        assertThat(carol.pollRequest("INVITE", Duration.ofMillis(1500))).as("Alice rings first").isEmpty();

        SipMessage cancel = alice.awaitRequest("CANCEL", WAIT);
        alice.respond(cancel, 200, "OK");
        alice.respond(atAlice, 487, "Request Terminated");
        SipMessage atCarol = carol.awaitRequest("INVITE", WAIT);
        assertThat(atCarol.from().uri()).as("the original caller").contains("+4791234567");
        assertThat(atCarol.header("Diversion")).hasValueSatisfying(d -> assertThat(d)
                .contains(ALICE).contains("reason=no-answer"));
        Phones.pickUp(carol, atCarol, 40010);
        Phones.connect(carrier, invite);
    }

    @Test
    void anAbsentUsersCallsFollowTheAbsenceForwarding_S6() {
        start(UnaryOperator.identity());
        phones.register("bob");
        node.server.absences().add(new Absence(UserId.of("bob"), AbsenceReason.VACATION,
                Instant.now().minusSeconds(60), Optional.of(Instant.now().plusSeconds(3600)),
                Optional.of(E164Number.of("+4790000099")), Absence.Source.MANUAL));

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", BOB, 40000);
        SipMessage out = carrier.awaitRequest("INVITE", WAIT);
        assertThat(out.requestUri()).contains("+4790000099");
        assertThat(out.from().uri()).contains("+4791234567");
        assertThat(out.header("Diversion")).hasValueSatisfying(d -> assertThat(d)
                .contains(BOB).contains("reason=away"));
        carrier.respond(out, 486, "Busy Here");
        assertThat(carrier.awaitResponse(invite, 486, WAIT).status()).isEqualTo(486);
    }

    @Test
    void anAbsentUserWithoutForwardingIsUnavailableWithTheReason_S6() {
        start(UnaryOperator.identity());
        phones.register("bob");
        node.server.absences().add(new Absence(UserId.of("bob"), AbsenceReason.LUNCH,
                Instant.now().minusSeconds(60), Optional.empty(), Optional.empty(), Absence.Source.MANUAL));

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", BOB, 40000);
        SipMessage refused = carrier.awaitResponse(invite, 480, WAIT);
        assertThat(refused.reason()).contains("absent").contains("lunch");
    }

    @Test
    void aUserWithoutRegisteredDevicesIsUnavailable_S1() {
        start(UnaryOperator.identity());
        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", ALICE, 40000);
        assertThat(carrier.awaitResponse(invite, 480, WAIT).status()).isEqualTo(480);
    }

    @Test
    void aBusyUserWithoutForwardingAnswersBusy_S7() {
        start(UnaryOperator.identity());
        SipTestAgent alice = phones.register("alice");
        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", ALICE, 40000);
        alice.respond(alice.awaitRequest("INVITE", WAIT), 486, "Busy Here");
        assertThat(carrier.awaitResponse(invite, 486, WAIT).status()).isEqualTo(486);
    }

    private static User withForwarding(User u, Forwarding forwarding) {
        return new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(), u.extension(),
                u.sipCredentials(), u.mobile(), u.directNumber(), u.extraTerminal(), forwarding, u.presentation());
    }
}
