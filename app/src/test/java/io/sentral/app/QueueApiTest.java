package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S2, N5 over HTTP and SIP: a queue made through the API takes calls at once; bad queues are named. */
class QueueApiTest {
    private static final String QUEUES = "/api/customers/fjord/queues";
    private static final String KUNDESERVICE = "{\"number\":\"+4723450060\",\"members\":[\"carol\"],"
            + "\"strategy\":\"ring-all\",\"ringTimeoutSeconds\":20,\"maxWaitSeconds\":90,"
            + "\"overflow\":{\"number\":\"+4791000103\"}}";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private Http admin;

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
        admin = Http.to(scene.node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void aQueueMadeThroughTheApiTakesCallsAtOnce() {
        HttpResponse<String> created = admin.put(QUEUES + "/Kundeservice", KUNDESERVICE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"strategy\":\"ring-all\"", "\"overflow\":{\"number\":\"+4791000103\"}",
                "\"whenNoAgent\":\"overflow-when-none-available\"");
        SipTestAgent carol = scene.phones.register("carol");
        Phones.callIn(scene.node, scene.carrier, "+4791234567", "+4723450060", 40000);
        SipMessage offer = carol.awaitRequest("INVITE", Duration.ofSeconds(10));
        assertThat(offer.from().uri()).contains("+4791234567");
        assertThat(admin.get(QUEUES).body()).contains("\"queue\":\"Kundeservice\"", "\"queue\":\"Sentralbord\"");
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("ring-all", "serial")).statusCode())
                .as("replaced").isEqualTo(200);
    }

    @Test
    void badQueuesAreRefusedNamingTheProblemAndNothingChanges() {
        String before = admin.get(QUEUES).body();
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("ring-all", "random")).body())
                .contains("field 'strategy': 'random' (expected one of: ring-all, round-robin, longest-idle");
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("\"carol\"", "\"dave\"")).statusCode())
                .isEqualTo(400);
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("{\"number\":\"+4791000103\"}",
                "{\"number\":\"+4791000103\",\"queue\":\"Support\"}")).body())
                .contains("exactly one of queue, user or number");
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("\"ringTimeoutSeconds\":20",
                "\"ringTimeoutSeconds\":\"20\"")).body()).contains("field 'ringTimeoutSeconds'");
        assertThat(admin.put(QUEUES + "/Kundeservice", KUNDESERVICE.replace("+4723450060", "+4722120060"))
                .statusCode()).as("another customer's number").isIn(400, 409);
        HttpResponse<String> overflowTarget = admin.delete(QUEUES + "/Support");
        assertThat(overflowTarget.statusCode()).as("Sentralbord overflows to Support").isEqualTo(400);
        assertThat(admin.get(QUEUES).body()).isEqualTo(before);
        assertThat(admin.delete(QUEUES + "/Nowhere").statusCode()).isEqualTo(404);
    }
}
