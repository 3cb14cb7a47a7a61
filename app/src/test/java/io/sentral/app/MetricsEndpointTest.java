package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.Dialog;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N1, S14: the node's HTTP listener serves /health and /metrics; a queue call shows on the queue
 * board metrics (answered count, wait histogram, agents by state), beside gateway and JVM metrics.
 */
class MetricsEndpointTest {
    private static final String BOARD = "queue=\"Sentralbord\",tenant=\"fjord\"";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private TestNode node;
    private SipTestAgent carrier;
    private Phones phones;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
        carrier = scene.carrier;
        node = scene.node;
        phones = scene.phones;
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.server.httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() {
        try {
            return get("/metrics").body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void healthIsUpWithTheSipListener() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"up\"").contains("database ok");
        assertThat(metrics()).as("T6: acme's +4722120099 has no address")
                .contains("sentral_emergency_numbers_without_address{tenant=\"acme\"} 1.0")
                .contains("sentral_emergency_numbers_without_address{tenant=\"fjord\"} 0.0");
    }

    @Test
    void aQueueCallShowsOnTheQueueBoard_S14() throws Exception {
        SipTestAgent alice = phones.register("alice");
        Awaitility.await().atMost(WAIT).until(this::metrics,
                m -> m.contains("sentral_queue_agents{queue=\"Sentralbord\",state=\"available\",tenant=\"fjord\"} 1.0"));

        SipMessage invite = Phones.callIn(node, carrier, "+4791234567", "+4723450000", 40000);
        SipMessage atAlice = alice.awaitRequest("INVITE", WAIT);
        SipMessage ok = Phones.pickUp(alice, atAlice, 40010);
        Dialog caller = Phones.connect(carrier, invite);

        String during = Awaitility.await().atMost(WAIT).until(this::metrics,
                m -> m.contains("sentral_queue_agents{queue=\"Sentralbord\",state=\"busy\",tenant=\"fjord\"} 1.0"));
        assertThat(during).contains("sentral_queue_calls_total{outcome=\"answered\"," + BOARD + "} 1.0")
                .contains("sentral_queue_wait_seconds_bucket{" + BOARD + ",le=\"10.0\"} 1")
                .contains("sentral_queue_callers_waiting{" + BOARD + "} 0.0")
                .contains("sentral_gateway_up{gateway=\"carrier-1\"}")
                .contains("jvm_memory_used_bytes")
                .as("present at 0 so that the alert sees the first one")
                .contains("sentral_emergency_calls_total{location=\"missing\"} 0.0");
        assertThat(during).doesNotContain("+4791234567").doesNotContain(invite.callId());

        carrier.bye(caller);
        Phones.answerNext(alice, "BYE");
        Awaitility.await().atMost(WAIT).until(this::metrics,
                m -> m.contains("sentral_queue_talk_seconds_count{" + BOARD + "} 1"));
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void trunkRegistrationAndCallsShowOnTheTrunkMetrics() {
        String acme = "tenant=\"acme\",trunk=\"acme-pbx\"";
        assertThat(metrics()).contains("sentral_trunk_registered{" + acme + "} 0.0");
        SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
        try {
            node.registerAcme(pbx);
            assertThat(metrics()).contains("sentral_trunk_registered{" + acme + "} 1.0")
                    .contains("sentral_trunk_contacts{" + acme + "} 1.0");

            SipMessage invite = Phones.callIn(node, carrier, "+4791234567", "+4722120005", 40000);
            SipMessage atPbx = pbx.awaitRequest("INVITE", WAIT);
            Phones.pickUp(pbx, atPbx, 40010);
            Dialog call = Phones.connect(carrier, invite);
            assertThat(metrics()).contains("sentral_trunk_active_calls{" + acme + "} 1.0")
                    .contains("sentral_call_setup_seconds_count{direction=\"inbound\"} 1");
            carrier.bye(call);
            Phones.answerNext(pbx, "BYE");
            Awaitility.await().atMost(WAIT).until(this::metrics, m -> m.contains(
                    "sentral_trunk_calls_total{direction=\"inbound\",outcome=\"answered\"," + acme + "} 1.0")
                    && m.contains("sentral_trunk_active_calls{" + acme + "} 0.0"));
        } finally {
            pbx.close();
        }
    }

    @Test
    void wrongPasswordsAndSipTrafficAreCounted() {
        SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
        try {
            SipMessage refused = pbx.register(node.address, new io.sentral.testkit.DigestClient("acme-pbx", "guess"),
                    TestNode.DOMAIN, Duration.ofHours(1), WAIT);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(metrics()).contains("sentral_auth_failures_total{method=\"REGISTER\"} 1.0")
                    .contains("sentral_auth_failures_total{method=\"INVITE\"} 0.0")
                    .contains("sentral_sip_requests_total{method=\"REGISTER\"} 2.0")
                    .contains("sentral_sip_responses_total{class=\"4xx\"}")
                    .contains("sentral_sip_malformed_total 0.0")
                    .contains("sentral_sip_processing_seconds_count{method=\"REGISTER\"} 2")
                    .contains("sentral_sip_processing_seconds_bucket{method=\"REGISTER\",le=\"0.5\"}");
        } finally {
            pbx.close();
        }
    }
}
