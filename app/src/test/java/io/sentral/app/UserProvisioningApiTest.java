package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import io.sentral.testkit.DigestClient;
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

/**
 * N5 over HTTP and SIP: a contact person provisions a user through the API and the change is live
 * at once — the new user's phone registers and the direct number rings it; bad input is refused
 * naming the problem and changes nothing; another customer's users are out of reach.
 */
class UserProvisioningApiTest {
    private static final String USERS = "/api/customers/fjord/users";
    private static final String DAVE = "{\"firstName\":\"Dave\",\"lastName\":\"Lie\",\"department\":\"Support\","
            + "\"extension\":\"104\",\"sipPassword\":\"dave-secret-1\",\"directNumber\":\"+4723450104\"}";

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

    private SipMessage register(SipTestAgent phone, String user, String password) {
        return phone.register(scene.node.address, new DigestClient(user, password), DOMAIN, Duration.ofHours(1), WAIT);
    }

    @Test
    void aUserCreatedThroughTheApiRegistersAndIsCalledAtOnce() {
        HttpResponse<String> created = admin.put(USERS + "/dave", DAVE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("dave-secret-1");
        assertThat(admin.get(USERS).body()).contains("\"user\":\"dave\"", "\"extension\":\"104\"");

        SipTestAgent phone = SipTestAgent.udp("127.0.0.1", 0);
        try {
            assertThat(register(phone, "dave", "dave-secret-1").status()).isEqualTo(200);
            Phones.callIn(scene.node, scene.carrier, "+4791234567", "+4723450104", 40000);
            assertThat(phone.awaitRequest("INVITE", WAIT).requestUri()).contains("dave");

            HttpResponse<String> moved = admin.put(USERS + "/dave", DAVE.replace("\"sipPassword\":\"dave-secret-1\",", "")
                    .replace("Support", "Sales"));
            assertThat(moved.statusCode()).as("replaced; the SIP password is kept").isEqualTo(200);
            assertThat(register(phone, "dave", "dave-secret-1").status()).isEqualTo(200);

            assertThat(admin.delete(USERS + "/dave").statusCode()).isEqualTo(204);
            assertThat(register(phone, "dave", "dave-secret-1").status()).as("gone from live routing").isEqualTo(403);
        } finally {
            phone.close();
        }
        assertThat(Http.to(scene.node.server.httpPort()).as("admin", "admin-secret").get("/api/audit").body())
                .contains("\"account\":\"fjord-admin\"", "PUT /api/customers/fjord/users/dave",
                        "DELETE /api/customers/fjord/users/dave");
    }

    @Test
    void badUsersAreRefusedNamingTheProblemAndNothingChanges() {
        String before = admin.get(USERS).body();
        assertThat(admin.put(USERS + "/dave", DAVE.replace("\"104\"", "\"10a\"")).body())
                .contains("not an extension (1-10 digits): '10a'");
        assertThat(admin.put(USERS + "/dave", DAVE.replace("\"104\"", "\"101\"")).statusCode()).isEqualTo(400);
        assertThat(admin.put(USERS + "/dave", DAVE.replace("+4723450104", "+4722120005")).statusCode())
                .as("a number of another customer").isIn(400, 409);
        assertThat(admin.put(USERS + "/dave", DAVE.replace("\"sipPassword\":\"dave-secret-1\",", "")).body())
                .contains("field 'sipPassword': required for a new user");
        assertThat(admin.put(USERS + "/dave", DAVE.replace("\"firstName\"", "\"givenName\"")).body())
                .contains("unknown field 'givenName'");
        assertThat(admin.put(USERS + "/dave", DAVE.replace("\"+4723450104\"", "4723450104")).body())
                .contains("field 'directNumber': expected a string");
        HttpResponse<String> inQueue = admin.delete(USERS + "/alice");
        assertThat(inQueue.statusCode()).isEqualTo(400);
        assertThat(inQueue.body()).contains("alice");
        assertThat(admin.get(USERS).body()).isEqualTo(before);
    }

    @Test
    void anotherCustomersUsersAndTheNocAreKeptOut() {
        assertThat(admin.put("/api/customers/acme/users/dave", DAVE).statusCode()).isEqualTo(404);
        Http noc = Http.to(scene.node.server.httpPort()).as("noc", "noc-secret");
        assertThat(noc.get(USERS).statusCode()).isEqualTo(200);
        assertThat(noc.put(USERS + "/dave", DAVE).statusCode()).isEqualTo(403);
    }

    @Test
    void emergencyCoverageIsReportedPerCustomerAndOverall_T6() {
        assertThat(admin.get("/api/customers/fjord/emergency-coverage").body()).contains("\"withoutAddress\":0");
        String overall = Http.to(scene.node.server.httpPort()).as("noc", "noc-secret").get("/api/emergency-coverage")
                .body();
        assertThat(overall).contains("{\"tenant\":\"acme\",\"numbers\":100,\"withoutAddress\":1,\"ranges\":[\"+4722120099\"]}");
        assertThat(admin.get("/api/emergency-coverage").statusCode()).isEqualTo(403);
    }
}
