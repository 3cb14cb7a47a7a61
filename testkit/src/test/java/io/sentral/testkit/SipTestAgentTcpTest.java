package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A TCP agent against a plain server socket that writes frames the way a test needs them cut. */
class SipTestAgentTcpTest {
    private static final Duration WAIT = Duration.ofSeconds(2);

    private ServerSocket server;
    private SipTestAgent agent;
    private Socket connection;
    private final StreamFramer serverFramer = new StreamFramer();
    private final Deque<SipMessage> serverReceived = new ArrayDeque<>();

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout((int) WAIT.toMillis());
        agent = SipTestAgent.tcp("127.0.0.2", "127.0.0.1", server.getLocalPort());
        connection = server.accept();
        connection.setSoTimeout((int) WAIT.toMillis());
        connection.setTcpNoDelay(true);
    }

    @AfterEach
    void close() throws Exception {
        agent.close();
        connection.close();
        server.close();
    }

    private InetSocketAddress serverAddress() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** Reads from the connection until a whole message is there (bounded by the socket timeout). */
    private SipMessage serverRead() throws Exception {
        InputStream in = connection.getInputStream();
        byte[] buffer = new byte[4096];
        while (serverReceived.isEmpty()) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("connection closed");
            }
            serverFramer.feed(buffer, 0, n).forEach(frame -> serverReceived.add(SipMessage.parse(frame)));
        }
        return serverReceived.removeFirst();
    }

    private void serverWrite(String text) throws Exception {
        OutputStream out = connection.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void requestsCarryTcpViaAndContact() throws Exception {
        SipMessage register = agent.newRegister("acme-pbx", "sentral.test", Duration.ofHours(1));

        agent.send(register, serverAddress());

        SipMessage received = serverRead();
        assertThat(received.topVia().transport()).isEqualTo("TCP");
        assertThat(received.topVia().host()).isEqualTo("127.0.0.2");
        assertThat(received.contact().orElseThrow().sipUri().transport()).isEqualTo("tcp");
        assertThat(agent.transport()).isEqualTo("TCP");
    }

    @Test
    void twoMessagesInOneWrite() throws Exception {
        SipMessage options = agent.newOptions("sip:127.0.0.1");
        agent.send(options, serverAddress());
        SipMessage received = serverRead();
        SipMessage ok = SipMessage.responseTo(received, 200, "OK").build();
        SipMessage invite = SipMessage.parse(("INVITE sip:+4722120005@127.0.0.2 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKsrv1\r\n"
                + "From: <sip:+4791234567@sentral.test>;tag=s1\r\nTo: <sip:+4722120005@127.0.0.2>\r\n"
                + "Call-ID: tcp-1\r\nCSeq: 1 INVITE\r\nContact: <sip:127.0.0.1:5060;transport=tcp>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: 0\r\n\r\n"))
                .withBody("application/sdp", Sdp.offer("127.0.0.1", 30000));

        serverWrite(ok.toString() + invite);

        assertThat(agent.awaitResponse(options, 200, WAIT).callId()).isEqualTo(options.callId());
        SipMessage got = agent.awaitRequest("INVITE", WAIT);
        assertThat(got).isEqualTo(invite);
        assertThat(agent.sourceOf(got)).contains(serverAddress());
    }

    @Test
    void oneMessageSplitAcrossWritesAndAnsweredOnTheConnection() throws Exception {
        String invite = "INVITE sip:+4722120005@127.0.0.2 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKsrv2\r\n"
                + "From: <sip:+4791234567@sentral.test>;tag=s2\r\nTo: <sip:+4722120005@127.0.0.2>\r\n"
                + "Call-ID: tcp-2\r\nCSeq: 1 INVITE\r\nContact: <sip:127.0.0.1:5060;transport=tcp>\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world";
        int cut = invite.indexOf("Call-ID");

        serverWrite(invite.substring(0, cut));
        serverWrite(invite.substring(cut, invite.length() - 3));
        serverWrite(invite.substring(invite.length() - 3));

        SipMessage got = agent.awaitRequest("INVITE", WAIT);
        assertThat(got.body()).isEqualTo("hello world");
        agent.respond(got, 180, "Ringing");
        SipMessage ringing = serverRead();
        assertThat(ringing.status()).isEqualTo(180);
        assertThat(ringing.contact().orElseThrow().uri()).endsWith(";transport=tcp");
    }

    @Test
    void sendsOnlyToTheConnectedServer() {
        SipMessage options = agent.newOptions("sip:127.0.0.9");

        assertThatThrownBy(() -> agent.send(options, new InetSocketAddress("127.0.0.9", 5060)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TCP agent is connected to");
    }
}
