package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.call.CallControl;
import io.sentral.core.call.CallEvent;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S8 transfers from Alice to Carol over real SIP: blind (REFER, RFC 3515), attended (REFER with
 * Replaces, RFC 3891 / RFC 5589 §7) and server-side ({@link CallControl}). The caller's media is
 * re-negotiated with Carol by Sentral (RFC 3725 flow I):
 *
 * <pre>
 * caller (carrier)        Sentral                  Alice               Carol
 *   |== call to Alice ====|=========================|                    |
 *   |                     |<-- REFER Refer-To: 103 --|                    |
 *   |                     |--- 202, NOTIFY 100 ---->|                    |
 *   |                     |--- INVITE (no SDP) ------------------------->|
 *   |                     |<-- 200 (Carol's offer) ----------------------|
 *   |<-- re-INVITE (offer)|                         |                    |
 *   |--- 200 (answer) --->|--- ACK (answer) ------------------------------>|
 *   |                     |--- NOTIFY 200, BYE ---->|                    |
 * </pre>
 */
class TransferTest {
    private static final String ALICE = "+4723450101";
    private static final String CALLER = "+4791234567";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private TestNode node;
    private SipTestAgent carrier;
    private Phones phones;
    private SipTestAgent alice;
    private SipTestAgent carol;

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
        carrier = scene.carrier;
        node = scene.node;
        phones = scene.phones;
        alice = phones.register("alice");
        carol = phones.register("carol");
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    /** The caller reaches Alice on her direct number. */
    private Connected callAlice() {
        SipMessage invite = Phones.callIn(node, carrier, CALLER, ALICE, 40000);
        SipMessage atAlice = alice.awaitRequest("INVITE", WAIT);
        SipMessage ok = Phones.pickUp(alice, atAlice, 40010);
        Dialog caller = Phones.connect(carrier, invite);
        return new Connected(invite, caller, Dialog.asUas(atAlice, ok));
    }

    /** A caller connected to Alice: the caller's INVITE and dialog, and Alice's dialog. */
    private record Connected(SipMessage invite, Dialog caller, Dialog alice) {
    }

    /** Carol answers the SDP-less INVITE with an offer; the caller is re-invited with it and answers. */
    private void carolTakesOverTheCaller(SipMessage atCarol, int carolPort) {
        carol.respond(atCarol, 180, "Ringing");
        carol.answer(atCarol, Sdp.offer("127.0.0.1", carolPort));
        SipMessage reInvite = carrier.awaitRequest("INVITE", WAIT);
        assertThat(reInvite.body()).as("the caller gets Carol's media").contains(String.valueOf(carolPort));
        carrier.answer(reInvite, Sdp.offer("127.0.0.2", 40090));
        SipMessage ack = carol.awaitRequest("ACK", WAIT);
        assertThat(ack.body()).as("Carol gets the caller's answer").contains("40090");
    }

    @Test
    void blindTransferWithRefer_S8() {
        Connected call = callAlice();
        SipMessage invite = call.invite();
        Dialog aliceLeg = call.alice();

        SipMessage refer = alice.refer(aliceLeg, "<sip:103@" + DOMAIN + ">");
        assertThat(alice.awaitResponse(refer, 202, WAIT).status()).isEqualTo(202);
        SipMessage trying = Phones.answerNext(alice, "NOTIFY");
        assertThat(trying.body()).startsWith("SIP/2.0 100");
        assertThat(trying.header("Event")).hasValue("refer");

        SipMessage atCarol = carol.awaitRequest("INVITE", WAIT);
        assertThat(atCarol.from().uri()).as("Carol sees the caller").contains(CALLER);
        assertThat(atCarol.body()).isEmpty();
        carolTakesOverTheCaller(atCarol, 40020);

        SipMessage done = Phones.answerNext(alice, "NOTIFY");
        assertThat(done.body()).startsWith("SIP/2.0 200");
        assertThat(done.header("Subscription-State")).hasValueSatisfying(s -> assertThat(s).startsWith("terminated"));
        Phones.answerNext(alice, "BYE");

        carrier.bye(call.caller());
        Phones.answerNext(carol, "BYE");
        List<CallEvent.Transferred> chain = Awaitility.await().atMost(WAIT)
                .until(() -> node.server.callRecords().transfersOf(invite.callId()), l -> !l.isEmpty());
        assertThat(chain).singleElement().satisfies(t -> {
            assertThat(t.by()).isEqualTo("alice");
            assertThat(t.target()).isEqualTo("103");
            assertThat(t.attended()).isFalse();
        });
    }

    @Test
    void attendedTransferWithReplaces_S8() {
        Connected call = callAlice();
        SipMessage invite = call.invite();
        Dialog aliceLeg = call.alice();

        SipMessage consult = alice.newInvite("sip:alice@" + DOMAIN, "sip:103@" + DOMAIN, Sdp.offer("127.0.0.1", 40030));
        alice.send(consult, node.address);
        SipMessage authorized = new DigestClient("alice", "alice-secret")
                .authorize(consult, alice.awaitResponse(consult, 407, WAIT));
        alice.send(authorized, node.address);
        SipMessage atCarol = carol.awaitRequest("INVITE", WAIT);
        SipMessage carolOk = Phones.pickUp(carol, atCarol, 40040);
        Dialog consultLeg = Phones.connect(alice, authorized);
        Dialog carolLeg = Dialog.asUas(atCarol, carolOk);

        // RFC 3261 §19.1.1: a header value in a URI is escaped, '@' and ';' included
        String replaces = consultLeg.callId().replace("@", "%40") + "%3Bto-tag%3D" + consultLeg.remoteTag() + "%3Bfrom-tag%3D"
                + consultLeg.localTag();
        SipMessage refer = alice.refer(aliceLeg, "<sip:103@" + DOMAIN + "?Replaces=" + replaces + ">");
        alice.awaitResponse(refer, 202, WAIT);
        Phones.answerNext(alice, "NOTIFY");

        SipMessage askOffer = carol.awaitRequest("INVITE", WAIT);
        assertThat(askOffer.callId()).as("Carol's existing dialog").isEqualTo(carolLeg.callId());
        assertThat(askOffer.body()).isEmpty();
        carol.answer(askOffer, Sdp.offer("127.0.0.1", 40050, 2));
        SipMessage reInvite = carrier.awaitRequest("INVITE", WAIT);
        assertThat(reInvite.body()).contains("40050");
        carrier.answer(reInvite, Sdp.offer("127.0.0.2", 40090, 2));
        assertThat(carol.awaitRequest("ACK", WAIT).body()).contains("40090");

        assertThat(Phones.answerNext(alice, "NOTIFY").body()).startsWith("SIP/2.0 200");
        SipMessage bye1 = Phones.answerNext(alice, "BYE");
        SipMessage bye2 = Phones.answerNext(alice, "BYE");
        assertThat(List.of(bye1.callId(), bye2.callId()))
                .containsExactlyInAnyOrder(aliceLeg.callId(), consultLeg.callId());

        carol.bye(carolLeg);
        SipMessage byeAtCaller = carrier.awaitRequest("BYE", WAIT);
        assertThat(byeAtCaller.callId()).isEqualTo(invite.callId());
        carrier.respond(byeAtCaller, 200, "OK");
    }

    @Test
    void blindTransferToAQueueMakesTheCallerJoinIt_S8() {
        Dialog aliceLeg = callAlice().alice();
        SipMessage refer = alice.refer(aliceLeg, "<sip:+4723450050@" + DOMAIN + ">");
        alice.awaitResponse(refer, 202, WAIT);
        Phones.answerNext(alice, "NOTIFY");
        SipMessage atCarol = carol.awaitRequest("INVITE", WAIT);
        assertThat(atCarol.body()).as("Support's agent is offered the call without SDP").isEmpty();
        carolTakesOverTheCaller(atCarol, 40020);
        assertThat(Phones.answerNext(alice, "NOTIFY").body()).startsWith("SIP/2.0 200");
    }

    @Test
    void blindTransferToAnExternalNumberKeepsTheCallersNumber_S8() {
        Dialog aliceLeg = callAlice().alice();
        SipMessage refer = alice.refer(aliceLeg, "<sip:91234568@" + DOMAIN + ">");
        alice.awaitResponse(refer, 202, WAIT);
        Phones.answerNext(alice, "NOTIFY");
        SipMessage out = carrier.awaitRequest(m -> m.method().equals("INVITE") && m.requestUri().contains("+4791234568"),
                WAIT);
        assertThat(out.from().uri()).contains(CALLER);
        carrier.respond(out, 180, "Ringing");
        carrier.answer(out, Sdp.offer("127.0.0.2", 40070));
        SipMessage reInvite = carrier.awaitRequest(m -> m.method().equals("INVITE") && m.body().contains("40070"),
                WAIT);
        carrier.answer(reInvite, Sdp.offer("127.0.0.2", 40090, 2));
        assertThat(Phones.answerNext(alice, "NOTIFY").body()).startsWith("SIP/2.0 200");
    }

    @Test
    void serverSideBlindTransferReleasesAliceAtOnce_S8() {
        Connected call = callAlice();
        SipMessage invite = call.invite();

        CallControl.TransferResult result = node.server.callControl()
                .transfer(invite.callId(), "103", CallControl.TransferMode.BLIND);
        assertThat(result).isInstanceOf(CallControl.TransferResult.Started.class);
        Phones.answerNext(alice, "BYE");
        carolTakesOverTheCaller(carol.awaitRequest("INVITE", WAIT), 40020);
    }

    @Test
    void aTransferToAnUnknownExtensionIsReportedAndTheCallStays_S8() {
        Dialog aliceLeg = callAlice().alice();
        SipMessage refer = alice.refer(aliceLeg, "<sip:999@" + DOMAIN + ">");
        alice.awaitResponse(refer, 202, WAIT);
        SipMessage failed = Phones.answerNext(alice, "NOTIFY");
        assertThat(failed.body()).startsWith("SIP/2.0 4");
        assertThat(alice.pollRequest("BYE", java.time.Duration.ofMillis(300))).isEmpty();
        assertThat(node.server.callControl().transfer("no-such-call", "103", CallControl.TransferMode.BLIND))
                .isInstanceOf(CallControl.TransferResult.Refused.class);
    }
}
