package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentral.app.web.Http;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S10, S6 over HTTP and SIP: the company directory with search and live status (offline, free,
 * busy in a call, absent with reason and until), absences marked and ended through the API, and
 * tenant isolation.
 */
class DirectoryApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIRECTORY = "/api/customers/fjord/directory";

    @TempDir
    Path dataDir;

    private SwitchboardScene scene;
    private Http api;

    @BeforeEach
    void start() {
        scene = SwitchboardScene.start(dataDir, UnaryOperator.identity());
        api = Http.to(scene.node.server.httpPort());
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    private JsonNode entries(String path, String user, String password) {
        HttpResponse<String> response = api.as(user, password).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String state(String user) {
        for (JsonNode entry : entries(DIRECTORY, "alice", "alice-secret")) {
            if (entry.get("user").asText().equals(user)) {
                return entry.get("status").get("state").asText();
            }
        }
        throw new AssertionError("no " + user + " in the directory");
    }

    private List<String> found(String query) {
        List<String> users = new ArrayList<>();
        entries(DIRECTORY + "?q=" + query, "alice", "alice-secret").forEach(e -> users.add(e.get("user").asText()));
        return users;
    }

    @Test
    void theDirectoryIsSearchedByNameDepartmentExtensionAndNumber_S10() {
        assertThat(found("")).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(found("sales")).containsExactlyInAnyOrder("alice", "bob");
        assertThat(found("Berg")).containsExactly("carol");
        assertThat(found("103")).containsExactly("carol");
        assertThat(found("%2B4723450102")).containsExactly("bob");
        assertThat(found("91000101")).containsExactly("alice");
        JsonNode alice = entries(DIRECTORY + "?q=alice", "fjord-admin", "fjord-admin-secret").get(0);
        assertThat(alice.get("name").asText()).isEqualTo("Alice Hansen");
        assertThat(alice.get("extension").asText()).isEqualTo("101");
        assertThat(alice.get("directNumber").asText()).isEqualTo("+4723450101");
        assertThat(alice.get("mobile").asText()).isEqualTo("+4791000101");
    }

    @Test
    void statusIsOfflineFreeBusyOrAbsentWithReasonAndUntil_S10() {
        assertThat(state("alice")).isEqualTo("offline");
        SipTestAgent alice = scene.phones.register("alice");
        assertThat(state("alice")).isEqualTo("free");

        SipMessage invite = Phones.callIn(scene.node, scene.carrier, "+4791234567", "+4723450101", 40000);
        Phones.pickUp(alice, alice.awaitRequest("INVITE", WAIT), 40010);
        Dialog call = Phones.connect(scene.carrier, invite);
        Awaitility.await().atMost(WAIT).until(() -> state("alice").equals("busy"));
        scene.carrier.bye(call);
        Phones.answerNext(alice, "BYE");
        Awaitility.await().atMost(WAIT).until(() -> state("alice").equals("free"));

        HttpResponse<String> marked = api.as("fjord-admin", "fjord-admin-secret").post(
                "/api/customers/fjord/users/bob/absences", "{\"reason\":\"lunch\",\"until\":\"2099-01-01T12:30:00Z\"}");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(201);
        JsonNode bob = entries(DIRECTORY + "?q=bob", "alice", "alice-secret").get(0).get("status");
        assertThat(bob.get("state").asText()).isEqualTo("absent");
        assertThat(bob.get("reason").asText()).isEqualTo("lunch");
        assertThat(bob.get("until").asText()).isEqualTo("2099-01-01T12:30:00Z");
        assertThat(scene.node.server.absences().absencesOf(io.sentral.core.switchboard.UserId.of("bob")))
                .as("the same absences routing and the queues read").hasSize(1);

        assertThat(api.as("alice", "alice-secret").delete("/api/customers/fjord/users/bob/absences").statusCode())
                .as("an operator marks a colleague back").isEqualTo(204);
        assertThat(state("bob")).isEqualTo("offline");
    }

    @Test
    void aUserCallingOutFromTheirOwnPhoneIsBusyUntilTheCallEnds_S10() {
        SipTestAgent alice = scene.phones.register("alice");
        assertThat(state("alice")).isEqualTo("free");

        SipMessage invite = alice.newInvite("sip:alice@" + TestNode.DOMAIN, "sip:+4790000001@" + TestNode.DOMAIN,
                io.sentral.testkit.Sdp.offer("127.0.0.1", 40000));
        alice.send(invite, scene.node.address);
        SipMessage authorized = new io.sentral.testkit.DigestClient("alice", "alice-secret")
                .authorize(invite, alice.awaitResponse(invite, 407, WAIT));
        alice.send(authorized, scene.node.address);
        SipMessage out = scene.carrier.awaitRequest("INVITE", WAIT);
        assertThat(state("alice")).as("dialling out").isEqualTo("busy");
        Phones.pickUp(scene.carrier, out, 40010);
        Dialog call = Phones.connect(alice, authorized);
        assertThat(state("alice")).as("talking").isEqualTo("busy");
        assertThat(state("bob")).isEqualTo("offline");

        alice.bye(call);
        Phones.answerNext(scene.carrier, "BYE");
        Awaitility.await().atMost(WAIT).until(() -> state("alice").equals("free"));
    }

    @Test
    void badAbsencesAreRefusedNamingTheField_S6() {
        String path = "/api/customers/fjord/users/bob/absences";
        Http admin = api.as("fjord-admin", "fjord-admin-secret");
        assertThat(admin.post(path, "{\"reason\":\"golf\"}").body()).contains("field 'reason': unknown absence reason 'golf'");
        assertThat(admin.post(path, "{\"reason\":\"lunch\",\"until\":\"tomorrow\"}").body())
                .contains("field 'until': 'tomorrow' is not an ISO-8601 instant");
        assertThat(admin.post(path, "{\"reason\":\"lunch\",\"start\":\"2099-01-02T00:00:00Z\","
                + "\"until\":\"2099-01-01T00:00:00Z\"}").body()).contains("ends").contains("before it starts");
        assertThat(admin.post(path, "{\"reason\":\"lunch\",\"forwardTo\":\"555\"}").body())
                .contains("field 'forwardTo': not an E.164 number");
        assertThat(admin.post(path, "{\"reason\":\"lunch\",\"why\":1}").body()).contains("unknown field 'why'");
        assertThat(admin.post("/api/customers/fjord/users/dave/absences", "{\"reason\":\"lunch\"}").statusCode())
                .isEqualTo(404);
        assertThat(scene.node.server.absences().absencesOf(io.sentral.core.switchboard.UserId.of("bob"))).isEmpty();
    }

    @Test
    void anotherCustomersDirectoryDoesNotExistForAContactPerson_S17() {
        HttpResponse<String> other = api.as("fjord-admin", "fjord-admin-secret").get("/api/customers/acme/directory");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("no customer 'acme'");
        assertThat(api.as("fjord-admin", "fjord-admin-secret").get("/api/customers/nosuch/directory").body())
                .as("the same answer as for a customer that does not exist").contains("no customer 'nosuch'");
        assertThat(api.as("noc", "noc-secret").get("/api/customers/acme/directory").statusCode()).isEqualTo(200);
        assertThat(api.as("noc", "noc-secret").post("/api/customers/fjord/users/bob/absences",
                "{\"reason\":\"lunch\"}").statusCode()).as("the NOC reads only").isEqualTo(403);
    }
}
