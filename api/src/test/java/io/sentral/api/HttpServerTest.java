package io.sentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.HttpSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** N1: the operational endpoints over a real socket on an ephemeral port of 127.0.0.1. */
class HttpServerTest {
    private final AtomicReference<OperationsRoutes.Health> health =
            new AtomicReference<>(new OperationsRoutes.Health(true, "SIP on 127.0.0.1:5060"));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;

    @BeforeEach
    void start() {
        server = new HttpServer(HttpSettings.forTests(), new OperationsRoutes(
                () -> "# TYPE sentral_up gauge\nsentral_up 1.0\n", health::get)).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(HttpAnswer.PROMETHEUS_TEXT);
        assertThat(response.body()).contains("sentral_up 1.0");
    }

    @Test
    void healthSaysUpOrDownWithTheReason() throws Exception {
        HttpResponse<String> up = send("GET", "/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"up\",\"detail\":\"SIP on 127.0.0.1:5060\"}");

        health.set(new OperationsRoutes.Health(false, "database \"sentral\" unreachable"));
        HttpResponse<String> down = send("GET", "/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"down\"").contains("database \\\"sentral\\\" unreachable");
    }

    @Test
    void unknownPathsAndMethodsAreRefusedWithAProblemDocument() throws Exception {
        HttpResponse<String> missing = send("GET", "/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("/nope");

        HttpResponse<String> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void anOversizedRequestIsRefused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build();
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    }
}
