package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentral.app.web.Http;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S12, S13, S18 over SIP and HTTP: queue calls land in the queue history — answered by whom after
 * what wait, abandoned — the operator reads the log of their own queue, and a missed call is
 * followed up (unanswered → handled, by whom).
 */
class QueueLogApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN = "+4723450000";
    private static final String LOG = "/api/customers/fjord/queues/Sentralbord/calls";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private Http alice;

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
        alice = Http.to(scene.node.server.httpPort()).as("alice", "alice-secret");
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(alice.get(path).body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answeredAndAbandonedQueueCallsAreLoggedAndTheMissedOneIsFollowedUp() {
        SipTestAgent phone = scene.phones.register("alice");
        SipMessage first = Phones.callIn(scene.node, scene.carrier, "+4791234567", MAIN, 40000);
        Phones.pickUp(phone, phone.awaitRequest("INVITE", WAIT), 40010);
        Dialog call = Phones.connect(scene.carrier, first);
        scene.carrier.bye(call);
        Phones.answerNext(phone, "BYE");

        SipMessage second = Phones.callIn(scene.node, scene.carrier, "+4799999999", MAIN, 40020);
        SipMessage ringing = phone.awaitRequest("INVITE", java.time.Duration.ofSeconds(15)); // after wrap-up
        phone.respond(ringing, 180, "Ringing");
        scene.carrier.cancel(second);
        scene.carrier.awaitResponse(second, 487, WAIT);
        phone.respond(phone.awaitRequest("CANCEL", WAIT), 200, "OK");
        phone.respond(ringing, 487, "Request Terminated");

        JsonNode log = Awaitility.await().atMost(WAIT).until(() -> json(LOG), l -> l.size() == 2
                && l.get(0).has("talkSeconds") && l.get(1).get("outcome").asText().equals("abandoned"));
        assertThat(log.get(0).get("outcome").asText()).isEqualTo("answered");
        assertThat(log.get(0).get("answeredBy").asText()).isEqualTo("alice");
        assertThat(log.get(0).get("caller").asText()).isEqualTo("+4791234567");
        assertThat(log.get(0).get("waitSeconds").asDouble()).isBetween(0.0, 10.0);
        assertThat(log.get(1).get("caller").asText()).isEqualTo("+4799999999");
        assertThat(log.get(1).get("followUp").asText()).isEqualTo("unanswered");

        JsonNode missed = json("/api/customers/fjord/missed-calls");
        assertThat(missed).hasSize(1);
        long id = missed.get(0).get("id").asLong();
        assertThat(alice.put("/api/customers/fjord/missed-calls/" + id, "{\"state\":\"handled\"}").statusCode())
                .isEqualTo(204);
        JsonNode handled = json("/api/customers/fjord/missed-calls").get(0);
        assertThat(handled.get("followUp").asText()).isEqualTo("handled");
        assertThat(handled.get("followUpBy").asText()).isEqualTo("alice");
        assertThat(alice.put("/api/customers/fjord/missed-calls/" + id, "{\"state\":\"forgotten\"}").body())
                .contains("unknown follow-up 'forgotten'");

        Http admin = Http.to(scene.node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
        JsonNode stats;
        try {
            stats = JSON.readTree(admin.get("/api/customers/fjord/statistics").body()).get("agents");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        JsonNode aliceStats = null;
        for (JsonNode agent : stats) {
            if (agent.get("agent").asText().equals("alice")) {
                aliceStats = agent;
            }
        }
        assertThat(aliceStats).as("S13: per agent").isNotNull();
        assertThat(aliceStats.get("distributed").asLong()).isEqualTo(2);
        assertThat(aliceStats.get("answered").asLong()).isEqualTo(1);
        assertThat(aliceStats.get("answerPercent").asDouble()).isEqualTo(50.0);
        assertThat(stats).hasSize(3);
        assertThat(alice.get("/api/customers/fjord/statistics").statusCode()).as("operators do not").isEqualTo(403);
    }

    @Test
    void anOperatorReadsOnlyTheQueuesTheyBelongTo() {
        assertThat(alice.get(LOG).statusCode()).isEqualTo(200);
        assertThat(alice.get("/api/customers/fjord/queues/Support/calls").statusCode()).isEqualTo(404);
        assertThat(Http.to(scene.node.server.httpPort()).as("fjord-admin", "fjord-admin-secret")
                .get("/api/customers/fjord/queues/Support/calls").statusCode()).isEqualTo(200);
        assertThat(alice.get(LOG + "?from=2026-13-01").body()).contains("is not an ISO-8601 instant");
        assertThat(alice.put("/api/customers/fjord/missed-calls/42", "{\"state\":\"handled\"}").statusCode())
                .isEqualTo(404);
    }
}
