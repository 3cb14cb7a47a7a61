package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a clear SIP answer naming the problem, never silence or a 500. */
class MalformedRequestTest {
    @TempDir
    static Path dataDir;

    private static TestNode node;
    private static SipTestAgent carrier;

    @BeforeAll
    static void start() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        node = TestNode.start(dataDir, Clock.systemUTC(), Map.of("carrier-1", carrier.port()), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        carrier.close();
        node.close();
    }

    private String raw(String method, String requestUri, String callId, String cseq, String extra) {
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.2:" + carrier.port() + ";branch=z9hG4bK" + callId + "\r\n"
                + "From: <sip:+4791234567@127.0.0.2>;tag=t" + callId + "\r\n"
                + "To: <sip:+4722120005@sentral.test>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private SipMessage answerTo(String callId) {
        return carrier.awaitResponse(m -> m.callId().equals(callId) && m.isFinal(), WAIT);
    }

    @Test
    void inviteWithoutContactIs400NamingContact() {
        carrier.sendRaw(raw("INVITE", "sip:+4722120005@sentral.test", "m1", "1 INVITE", "Max-Forwards: 70\r\n"),
                node.address);
        SipMessage answer = answerTo("m1");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.reason()).contains("Contact");
        assertThat(node.counter("sentral.sip.malformed")).as("counted for the NOC").isEqualTo(1.0);
    }

    @Test
    void unparsableCSeqIs400OnOneStatusLine() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.8", 0))) {
            socket.setSoTimeout((int) WAIT.toMillis());
            byte[] request = raw("OPTIONS", "sip:sentral.test", "m2", "abc OPTIONS", "Max-Forwards: 70\r\n")
                    .replace("127.0.0.2:" + carrier.port(), "127.0.0.8:" + socket.getLocalPort())
                    .getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(request, request.length, node.address));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
            String statusLine = text.substring(0, text.indexOf("\r\n"));
            assertThat(statusLine).startsWith("SIP/2.0 400 ").contains("CSeq");
            assertThat(text.split("\r\n")[1]).matches("[A-Za-z-]+:.*");
        }
    }

    @Test
    void unknownMethodIs405WithAllow() {
        carrier.sendRaw(raw("FROB", "sip:sentral.test", "m3", "1 FROB", "Max-Forwards: 70\r\n"), node.address);
        SipMessage answer = answerTo("m3");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.headers("Allow")).contains("INVITE", "REGISTER");
    }

    @Test
    void byeOutsideAnyDialogIs481() {
        carrier.sendRaw(raw("BYE", "sip:+4722120005@sentral.test", "m4", "1 BYE", "Max-Forwards: 70\r\n"),
                node.address);
        assertThat(answerTo("m4").status()).isEqualTo(481);
    }

    @Test
    void exhaustedMaxForwardsIs483() {
        carrier.sendRaw(raw("INVITE", "sip:+4722120005@sentral.test", "m5", "1 INVITE",
                "Max-Forwards: 0\r\nContact: <sip:127.0.0.2:" + carrier.port() + ">\r\n"), node.address);
        assertThat(answerTo("m5").status()).isEqualTo(483);
    }

    @Test
    void requestUriWithoutNumberIs484() {
        carrier.sendRaw(raw("INVITE", "sip:sentral.test", "m6", "1 INVITE",
                "Max-Forwards: 70\r\nContact: <sip:127.0.0.2:" + carrier.port() + ">\r\n"), node.address);
        SipMessage answer = answerTo("m6");
        assertThat(answer.status()).isEqualTo(484);
        assertThat(answer.reason()).contains("no number");
    }

    @Test
    void inviteFromAnUntrustedSourceWithoutCredentialsIsChallenged() {
        try (SipTestAgent stranger = SipTestAgent.udp("127.0.0.9", 0)) {
            SipMessage invite = stranger.newInvite("+4791234567", "sip:+4722120005@sentral.test", "");
            stranger.send(invite, node.address);
            SipMessage challenge = stranger.awaitFinalResponse(invite, WAIT);
            assertThat(challenge.status()).isEqualTo(407);
            assertThat(challenge.headers("Proxy-Authenticate")).isNotEmpty();
        }
    }
}
