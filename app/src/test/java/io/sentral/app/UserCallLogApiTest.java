package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentral.app.web.Http;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.Sdp;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S12, S18 over SIP and HTTP: a direct call, a queue call and a callback land in the users' own
 * call logs; the callback marks the missed queue call handled, by whom; a user reads only their
 * own log.
 */
class UserCallLogApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    private JsonNode log(String user, String password, String of) {
        try {
            return JSON.readTree(Http.to(scene.node.server.httpPort()).as(user, password)
                    .get("/api/customers/fjord/users/" + of + "/calls").body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** +4791234567 calls Alice's direct number, she answers, the caller hangs up: her log then. */
    private JsonNode aliceAnswersACallFromOutside(SipTestAgent alice) {
        SipMessage direct = Phones.callIn(scene.node, scene.carrier, "+4791234567", "+4723450101", 40000);
        Phones.pickUp(alice, alice.awaitRequest("INVITE", WAIT), 40010);
        Dialog call = Phones.connect(scene.carrier, direct);
        scene.carrier.bye(call);
        Phones.answerNext(alice, "BYE");
        return Awaitility.await().atMost(WAIT).until(() -> log("alice", "alice-secret", "alice"), l -> l.size() == 1);
    }

    @Test
    void directQueueAndCallbackCallsAreInTheUsersLogs() {
        SipTestAgent alice = scene.phones.register("alice");
        JsonNode aliceLog = aliceAnswersACallFromOutside(alice);
        assertThat(aliceLog.get(0).get("direction").asText()).isEqualTo("incoming");
        assertThat(aliceLog.get(0).get("number").asText()).isEqualTo("+4791234567");
        assertThat(aliceLog.get(0).get("answered").asBoolean()).isTrue();
        assertThat(aliceLog.get(0).has("queue")).isFalse();

        // a caller gives up in the queue while Alice's phone rings: a missed call
        SipMessage missed = Phones.callIn(scene.node, scene.carrier, "+4799999999", "+4723450000", 40020);
        SipMessage ringing = alice.awaitRequest("INVITE", Duration.ofSeconds(15));
        alice.respond(ringing, 180, "Ringing");
        scene.carrier.cancel(missed);
        scene.carrier.awaitResponse(missed, 487, WAIT);
        alice.respond(alice.awaitRequest("CANCEL", WAIT), 200, "OK");
        alice.respond(ringing, 487, "Request Terminated");
        Http admin = Http.to(scene.node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
        Awaitility.await().atMost(WAIT).until(() -> admin.get("/api/customers/fjord/missed-calls").body(),
                b -> b.contains("\"followUp\":\"unanswered\""));

        // Alice calls the number back from her phone; the carrier answers
        SipMessage back = alice.newInvite("sip:alice@" + DOMAIN, "sip:99999999@" + DOMAIN, Sdp.offer("127.0.0.1", 40030));
        alice.send(back, scene.node.address);
        SipMessage authorized = new DigestClient("alice", "alice-secret").authorize(back,
                alice.awaitResponse(back, 407, WAIT));
        alice.send(authorized, scene.node.address);
        SipMessage atCarrier = scene.carrier.awaitRequest("INVITE", WAIT);
        Phones.pickUp(scene.carrier, atCarrier, 40040);
        Dialog callback = Phones.connect(alice, authorized);
        alice.bye(callback);
        Phones.answerNext(scene.carrier, "BYE");

        Awaitility.await().atMost(WAIT).until(() -> admin.get("/api/customers/fjord/missed-calls").body(),
                b -> b.contains("\"followUp\":\"handled\",\"followUpBy\":\"alice\""));
        JsonNode after = Awaitility.await().atMost(WAIT).until(() -> log("alice", "alice-secret", "alice"),
                l -> l.size() == 2);
        assertThat(after.get(0).get("direction").asText()).as("newest first").isEqualTo("outgoing");
        assertThat(after.get(0).get("number").asText()).endsWith("99999999");
        assertThat(after.get(0).get("callbackFor").asText()).as("the queue whose missed call it returned")
                .isEqualTo("Sentralbord");
        assertThat(after.get(1).has("callbackFor")).isFalse();
    }

    @Test
    void anOutsideCallerHasTheNameAndAddressOfCallerInfo_S11() throws java.io.IOException {
        com.sun.net.httpserver.HttpServer lookup = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        lookup.createContext("/numbers/", exchange -> {
            boolean known = exchange.getRequestURI().getRawPath().endsWith("%2B4791234567");
            byte[] body = "{\"name\": \"Kari Nordmann\", \"address\": \"Storgata 1, 0155 Oslo\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
            if (known) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        lookup.start();
        scene.close();
        String url = "http://127.0.0.1:" + lookup.getAddress().getPort() + "/numbers/{number}";
        scene = SwitchboardScene.start(dataDir.resolve("with-lookup"), UnaryOperator.identity(), setup -> setup.node(
                n -> new io.sentral.config.NodeSettings(n.dataDir(), n.sip(), n.http(), n.database(), n.tracing(),
                        new io.sentral.config.CallerLookupSettings(java.util.Optional.of(url), Duration.ofSeconds(2),
                                Duration.ofMinutes(5), 100))));
        try {
            JsonNode line = aliceAnswersACallFromOutside(scene.phones.register("alice")).get(0);
            assertThat(line.get("name").asText()).isEqualTo("Kari Nordmann");
            assertThat(line.get("address").asText()).isEqualTo("Storgata 1, 0155 Oslo");
        } finally {
            lookup.stop(0);
        }
    }

    @Test
    void aQueueCallIsInTheAnsweringAgentsLogWithTheQueue() {
        SipTestAgent bob = scene.phones.register("bob");
        SipMessage invite = Phones.callIn(scene.node, scene.carrier, "+4791234567", "+4723450000", 40000);
        Phones.pickUp(bob, bob.awaitRequest("INVITE", WAIT), 40010);
        Dialog call = Phones.connect(scene.carrier, invite);
        scene.carrier.bye(call);
        Phones.answerNext(bob, "BYE");
        JsonNode bobLog = Awaitility.await().atMost(WAIT).until(() -> log("bob", "bob-secret", "bob"),
                l -> l.size() == 1);
        assertThat(bobLog.get(0).get("queue").asText()).isEqualTo("Sentralbord");
        assertThat(bobLog.get(0).get("number").asText()).isEqualTo("+4791234567");
    }

    @Test
    void aUserReadsOnlyTheirOwnLog() {
        Http http = Http.to(scene.node.server.httpPort());
        assertThat(http.as("alice", "alice-secret").get("/api/customers/fjord/users/bob/calls").statusCode())
                .isEqualTo(403);
        assertThat(http.as("fjord-admin", "fjord-admin-secret").get("/api/customers/fjord/users/bob/calls")
                .statusCode()).isEqualTo(200);
    }
}
