package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.SipTestAgent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T2, T8, N5 over HTTP and SIP: trunks and the call policy through the API, live at once, secrets never read back. */
class TrunkApiTest {
    private static final String TRUNKS = "/api/customers/acme/trunks";
    private static final String SECOND = "{\"kind\":\"registration\",\"password\":\"pbx2-secret-1\","
            + "\"defaultNumber\":\"+4722120000\",\"callerIdPolicy\":\"reject\",\"maxChannels\":5,\"maxCallsPerSecond\":2}";

    @TempDir
    Path dataDir;

    private TestNode node;
    private Http admin;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        admin = Http.to(node.server.httpPort()).as("admin", "admin-secret");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aTrunkMadeThroughTheApiRegistersAtOnceAndItsSecretIsNeverReadBack() {
        HttpResponse<String> created = admin.put(TRUNKS + "/acme-pbx2", SECOND);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"username\":\"acme-pbx2\"", "\"maxChannels\":5")
                .doesNotContain("pbx2-secret-1");
        SipTestAgent pbx = SipTestAgent.udp("127.0.0.1", 0);
        try {
            assertThat(pbx.register(node.address, new DigestClient("acme-pbx2", "pbx2-secret-1"), DOMAIN,
                    Duration.ofHours(1), WAIT).status()).isEqualTo(200);
        } finally {
            pbx.close();
        }
        String listed = admin.get(TRUNKS).body();
        assertThat(listed).contains("\"trunk\":\"acme-pbx\"", "\"trunk\":\"acme-pbx2\"").doesNotContain("secret")
                .doesNotContain("ha1");
        assertThat(admin.put(TRUNKS + "/acme-static", "{\"kind\":\"static\",\"trustedSources\":[\"127.0.0.9\"],"
                + "\"endpoint\":\"127.0.0.9:5080\",\"defaultNumber\":\"+4722120000\",\"callerIdPolicy\":\"replace\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void badTrunksAreRefusedNamingTheProblemAndNothingChanges() {
        String before = admin.get(TRUNKS).body();
        assertThat(admin.put(TRUNKS + "/acme-pbx2", SECOND.replace("registration", "sip")).body())
                .contains("field 'kind': 'sip' (expected one of: registration, static)");
        assertThat(admin.put(TRUNKS + "/acme-pbx2", SECOND.replace("\"password\":\"pbx2-secret-1\",", "")).body())
                .contains("has no credentials");
        assertThat(admin.put(TRUNKS + "/acme-pbx2", SECOND.replace("pbx2-secret-1", "short")).body())
                .contains("field 'password': at least 8 characters");
        assertThat(admin.put(TRUNKS + "/svea-pbx", SECOND).statusCode()).as("another customer's trunk id")
                .isEqualTo(409);
        assertThat(admin.put(TRUNKS + "/acme-pbx2", SECOND.replace("\"maxChannels\":5", "\"maxChannels\":-1"))
                .statusCode()).isEqualTo(400);
        assertThat(admin.get(TRUNKS).body()).isEqualTo(before);
        assertThat(Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret").get(TRUNKS).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCallPolicyIsReplacedAsAWhole_T8() {
        String policy = "/api/customers/acme/policy";
        HttpResponse<String> put = admin.put(policy, "{\"barring\":[\"international\",\"premium-rate\"],"
                + "\"monthlyCostLimit\":500}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"barring\":[\"international\",\"premium-rate\"]", "\"monthlyCostLimit\":500");
        assertThat(admin.put(policy, "{\"barring\":[\"everything\"]}").body())
                .contains("field 'barring': 'everything' (expected one of: all-outgoing");
        assertThat(admin.put(policy, "{\"barring\":[],\"monthlyCostLimit\":-5}").body()).contains("negative");
        assertThat(admin.get(policy).body()).contains("\"monthlyCostLimit\":500");
    }
}
