package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two agents talking over real UDP sockets on 127.0.0.1 and 127.0.0.2. */
class SipTestAgentUdpTest {
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final SipTestAgent caller = SipTestAgent.udp("127.0.0.1", 0);
    private final SipTestAgent callee = SipTestAgent.udp("127.0.0.2", 0);

    @AfterEach
    void close() {
        caller.close();
        callee.close();
    }

    private SipMessage placeCall() {
        SipMessage invite = caller.newInvite("+4791234567", callee.uri("+4722120005"), Sdp.offer("127.0.0.1", 40000));
        caller.send(invite, callee.address());
        return invite;
    }

    /*
     * caller 127.0.0.1               callee 127.0.0.2
     *   |--- INVITE (offer) ------------->|
     *   |<-- 100 Trying ------------------|
     *   |<-- 180 Ringing -----------------|
     *   |<-- 200 OK (answer) -------------|
     *   |--- ACK ------------------------>|
     *   |--- re-INVITE ------------------>|
     *   |<-- 200 OK ----------------------|
     *   |--- ACK ------------------------>|
     *   |<-- BYE -------------------------|
     *   |--- 200 OK --------------------->|
     */
    @Test
    void callWithAnswerReInviteAndCalleeHangup() {
        SipMessage invite = placeCall();

        SipMessage received = callee.awaitRequest("INVITE", WAIT);
        assertThat(received.requestUri()).isEqualTo("sip:+4722120005@127.0.0.2:" + callee.port());
        assertThat(received.body()).contains("m=audio 40000 RTP/AVP 0 8 101");
        assertThat(callee.sourceOf(received)).contains(caller.address());
        callee.respond(received, 100, "Trying");
        SipMessage ringing = callee.respond(received, 180, "Ringing");
        SipMessage ok = callee.answer(received, Sdp.offer("127.0.0.2", 40002));
        assertThat(ok.toTag()).as("one To tag for the dialog").isEqualTo(ringing.toTag()).isPresent();
        assertThat(ok.contact().orElseThrow().uri()).isEqualTo("sip:127.0.0.2:" + callee.port());

        assertThat(caller.awaitResponse(invite, 100, WAIT).toTag()).isEmpty();
        assertThat(caller.awaitResponse(invite, 180, WAIT).toTag()).isEqualTo(ringing.toTag());
        SipMessage answered = caller.awaitResponse(invite, 200, WAIT);
        assertThat(answered.body()).contains("c=IN IP4 127.0.0.2");
        SipMessage ack = caller.ack(invite, answered);
        assertThat(ack.branch()).isNotEqualTo(invite.branch());
        assertThat(ack.requestUri()).isEqualTo("sip:127.0.0.2:" + callee.port());
        SipMessage ackReceived = callee.awaitRequest("ACK", WAIT);
        assertThat(ackReceived.cseq()).isEqualTo(new CSeq(1, "ACK"));
        assertThat(ackReceived.toTag()).isEqualTo(ok.toTag());

        Dialog callerSide = Dialog.asUac(invite, answered);
        SipMessage reInvite = caller.reInvite(callerSide, Sdp.offer("127.0.0.1", 40000, 2));
        assertThat(reInvite.cseq()).isEqualTo(new CSeq(2, "INVITE"));
        SipMessage reInviteReceived = callee.awaitRequest("INVITE", WAIT);
        assertThat(reInviteReceived.toTag()).isEqualTo(ok.toTag());
        callee.answer(reInviteReceived, Sdp.offer("127.0.0.2", 40002, 2));
        caller.ack(reInvite, caller.awaitResponse(reInvite, 200, WAIT));
        assertThat(callee.awaitRequest("ACK", WAIT).cseq()).isEqualTo(new CSeq(2, "ACK"));

        Dialog calleeSide = Dialog.asUas(received, ok);
        SipMessage bye = callee.bye(calleeSide);
        assertThat(bye.fromTag()).isEqualTo(ok.toTag());
        assertThat(bye.toTag()).isEqualTo(invite.fromTag());
        assertThat(bye.cseq()).isEqualTo(new CSeq(1, "BYE"));
        SipMessage byeReceived = caller.awaitRequest("BYE", WAIT);
        caller.respond(byeReceived, 200, "OK");
        assertThat(callee.awaitResponse(bye, 200, WAIT).toTag()).isEqualTo(invite.fromTag());
    }

    @Test
    void callerHangsUpWithTheNextCseq() {
        SipMessage invite = placeCall();
        SipMessage received = callee.awaitRequest("INVITE", WAIT);
        callee.answer(received, Sdp.offer("127.0.0.2", 40002));
        SipMessage ok = caller.awaitResponse(invite, 200, WAIT);
        caller.ack(invite, ok);

        SipMessage bye = caller.bye(Dialog.asUac(invite, ok));

        SipMessage byeReceived = callee.awaitRequest("BYE", WAIT);
        assertThat(byeReceived.cseq()).isEqualTo(new CSeq(2, "BYE"));
        assertThat(byeReceived.callId()).isEqualTo(invite.callId());
        assertThat(byeReceived.hasHeader("Content-Type")).isFalse();
        callee.respond(byeReceived, 200, "OK");
        caller.awaitResponse(bye, 200, WAIT);
    }

    @Test
    void rejectedInviteIsAcknowledgedOnTheInviteBranch() {
        SipMessage invite = placeCall();
        callee.respond(callee.awaitRequest("INVITE", WAIT), 486, "Busy Here");

        assertThat(caller.awaitFinalResponse(invite, WAIT).status()).isEqualTo(486);
        SipMessage ack = callee.awaitRequest("ACK", WAIT);

        assertThat(ack.branch()).isEqualTo(invite.branch());
        assertThat(ack.requestUri()).isEqualTo(invite.requestUri());
        assertThat(ack.cseq()).isEqualTo(new CSeq(1, "ACK"));
        assertThat(ack.toTag()).isPresent();
    }

    /*
     * caller                      callee
     *   |--- INVITE --------------->|
     *   |<-- 180 Ringing -----------|
     *   |--- CANCEL --------------->|
     *   |<-- 200 OK (CANCEL) -------|
     *   |<-- 487 (INVITE) ----------|
     *   |--- ACK (auto) ----------->|
     */
    @Test
    void cancelledInvite() {
        SipMessage invite = placeCall();
        SipMessage received = callee.awaitRequest("INVITE", WAIT);
        callee.respond(received, 180, "Ringing");
        caller.awaitResponse(invite, 180, WAIT);

        SipMessage cancel = caller.cancel(invite);

        SipMessage cancelReceived = callee.awaitRequest("CANCEL", WAIT);
        assertThat(cancelReceived.branch()).isEqualTo(invite.branch());
        assertThat(cancelReceived.cseq()).isEqualTo(new CSeq(1, "CANCEL"));
        assertThat(cancelReceived.toTag()).isEmpty();
        callee.respond(cancelReceived, 200, "OK");
        callee.respond(received, 487, "Request Terminated");
        caller.awaitResponse(cancel, 200, WAIT);
        caller.awaitResponse(invite, 487, WAIT);
        assertThat(callee.awaitRequest("ACK", WAIT).branch()).isEqualTo(invite.branch());
    }

    @Test
    void answersOptionsPingsAndStillShowsThem() {
        SipMessage options = caller.newOptions(callee.uri(""));
        caller.send(options, callee.address());

        SipMessage ok = caller.awaitResponse(options, 200, WAIT);

        assertThat(ok.headers("Allow")).containsExactly("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS");
        assertThat(callee.awaitRequest("OPTIONS", WAIT).callId()).isEqualTo(options.callId());
    }

    @Test
    void awaitingSkipsOtherMessagesAndLeavesThemQueued() {
        SipMessage options = caller.newOptions(callee.uri(""));
        caller.send(options, callee.address());
        SipMessage invite = placeCall();

        assertThat(callee.awaitRequest("INVITE", WAIT).callId()).isEqualTo(invite.callId());
        assertThat(callee.awaitRequest("OPTIONS", WAIT).callId()).isEqualTo(options.callId());
    }

    @Test
    void awaitFailsWithWhatDidArrive() {
        SipMessage options = caller.newOptions(callee.uri(""));
        caller.send(options, callee.address());
        caller.awaitResponse(options, 200, WAIT);

        assertThatThrownBy(() -> callee.awaitRequest("INVITE", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("SipTestAgent[UDP 127.0.0.2:" + callee.port() + "] got no INVITE request within PT0.05S; "
                        + "queued: [OPTIONS sip:127.0.0.2:" + callee.port() + "]");
        assertThat(callee.pollRequest("BYE", Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void awaitingOneStatusFailsAtOnceOnAnotherFinalResponse() {
        SipMessage invite = placeCall();
        callee.respond(callee.awaitRequest("INVITE", WAIT), 404, "Not Found");

        assertThatThrownBy(() -> caller.awaitResponse(invite, 200, Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 200 to 1 INVITE but got SIP/2.0 404 Not Found");
    }

    @Test
    void retransmittedRequestIsAnsweredAgainButQueuedOnce() throws Exception {
        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            raw.setSoTimeout((int) WAIT.toMillis());
            SipMessage invite = new RequestFactory("UDP", "127.0.0.3", raw.getLocalPort(), "raw")
                    .invite("+4791234567", callee.uri("+4722120005"), "");
            send(raw, invite, callee.address());
            callee.respond(callee.awaitRequest("INVITE", WAIT), 180, "Ringing");
            assertThat(receive(raw).status()).isEqualTo(180);

            send(raw, invite, callee.address());

            assertThat(receive(raw).status()).as("the retransmission is answered again").isEqualTo(180);
            assertThat(callee.pending()).as("but not queued again").isEmpty();
        }
    }

    @Test
    void retransmitted2xxIsAcknowledgedAgainButQueuedOnce() throws Exception {
        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            raw.setSoTimeout((int) WAIT.toMillis());
            InetSocketAddress rawAddress = (InetSocketAddress) raw.getLocalSocketAddress();
            SipMessage invite = caller.newInvite("+4791234567", "sip:+4722120005@127.0.0.3:" + raw.getLocalPort(), "");
            caller.send(invite, rawAddress);
            SipMessage received = receive(raw);
            SipMessage ok = new RequestFactory("UDP", "127.0.0.3", raw.getLocalPort(), "raw")
                    .response(received, 200, "OK", java.util.Optional.of("callee-tag"), Map.of(), "");
            send(raw, ok, caller.address());
            caller.ack(invite, caller.awaitResponse(invite, 200, WAIT));
            SipMessage firstAck = receive(raw);

            send(raw, ok, caller.address());

            assertThat(receive(raw)).as("the same ACK again").isEqualTo(firstAck);
            assertThat(caller.pending()).isEmpty();
        }
    }

    @Test
    void registersWithDigestAgainstAChallengingRegistrar() throws Exception {
        DigestClient credentials = new DigestClient("acme-pbx", "acme-secret");
        CompletableFuture<SipMessage> result = CompletableFuture.supplyAsync(() -> caller.register(callee.address(),
                credentials, "sentral.test", Duration.ofHours(1), WAIT));

        SipMessage first = callee.awaitRequest("REGISTER", WAIT);
        assertThat(first.hasHeader("Authorization")).isFalse();
        assertThat(first.header("Expires")).contains("3600");
        assertThat(first.contact().orElseThrow().uri()).isEqualTo("sip:acme-pbx@127.0.0.1:" + caller.port());
        callee.respond(first, 401, "Unauthorized", Map.of("WWW-Authenticate",
                "Digest realm=\"sentral.test\", nonce=\"n-1\", algorithm=MD5, qop=\"auth\""), "");
        SipMessage second = callee.awaitRequest("REGISTER", WAIT);
        Map<String, String> auth = DigestChallenge.authParams(
                second.header("Authorization").orElseThrow().substring("Digest ".length()));
        String ha1 = DigestClient.hash("MD5", "acme-pbx:sentral.test:acme-secret");
        String ha2 = DigestClient.hash("MD5", "REGISTER:" + second.requestUri());
        assertThat(auth.get("response")).isEqualTo(DigestClient.hash("MD5",
                ha1 + ":n-1:" + auth.get("nc") + ":" + auth.get("cnonce") + ":auth:" + ha2));
        assertThat(second.cseq().number()).isEqualTo(first.cseq().number() + 1);
        callee.respond(second, 200, "OK", Map.of("Contact", first.header("Contact").orElseThrow() + ";expires=3600"), "");

        assertThat(result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).status()).isEqualTo(200);
    }

    @Test
    void unparseableInputIsReportedNotQueued() throws Exception {
        try (DatagramSocket raw = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            raw.setSoTimeout((int) WAIT.toMillis());
            byte[] junk = "NOT SIP AT ALL\r\n\r\n".getBytes(StandardCharsets.UTF_8);
            raw.send(new DatagramPacket(junk, junk.length, callee.address()));
            SipMessage options = new RequestFactory("UDP", "127.0.0.3", raw.getLocalPort(), "raw").options(callee.uri(""));
            send(raw, options, callee.address());
            receive(raw);

            assertThat(callee.problems()).singleElement().asString().contains("unparseable message from /127.0.0.3");
            assertThat(callee.drain()).extracting(SipMessage::method).containsExactly("OPTIONS");
        }
    }

    @Test
    void nextMakesANewTransactionOfTheSameRequest() {
        SipMessage register = caller.newRegister("acme-pbx", "sentral.test", Duration.ZERO);

        SipMessage refresh = caller.next(register);

        assertThat(register.header("Expires")).contains("0");
        assertThat(refresh.cseq().number()).isEqualTo(2);
        assertThat(refresh.callId()).isEqualTo(register.callId());
        assertThat(refresh.branch()).isNotEqualTo(register.branch());
    }

    private static void send(DatagramSocket raw, SipMessage message, InetSocketAddress to) throws Exception {
        byte[] bytes = message.toBytes();
        raw.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static SipMessage receive(DatagramSocket raw) throws Exception {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        raw.receive(packet);
        return SipMessage.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
    }
}
