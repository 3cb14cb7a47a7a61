package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S17: a contact person manages the customer's web accounts; a removed account stops on its next request. */
class AccountApiTest {
    private static final String ACCOUNTS = "/api/customers/fjord/accounts";

    @TempDir
    Path dataDir;

    private TestNode node;
    private Http admin;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        admin = Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aRemovedAccountsSessionAndTokenStopOnTheNextRequest() {
        HttpResponse<String> created = admin.put(ACCOUNTS + "/carol-web",
                "{\"role\":\"operator\",\"password\":\"carol-web-secret\",\"user\":\"carol\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(admin.get(ACCOUNTS).body()).contains("\"account\":\"carol-web\",\"role\":\"operator\",\"user\":\"carol\"")
                .doesNotContain("secret");

        Http http = Http.to(node.server.httpPort());
        HttpResponse<String> in = http.post("/api/session",
                "{\"username\":\"carol-web\",\"password\":\"carol-web-secret\"}");
        Http browser = http.withCookie(in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
        String token = http.as("carol-web", "carol-web-secret").post("/api/tokens", "{\"name\":\"script\"}").body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(200);
        assertThat(http.bearer(token).get("/api/session").statusCode()).isEqualTo(200);

        assertThat(admin.delete(ACCOUNTS + "/carol-web").statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(http.bearer(token).get("/api/session").statusCode()).isEqualTo(401);
        admin.put(ACCOUNTS + "/carol-web", "{\"role\":\"operator\",\"password\":\"carol-web-secret2\"}");
        assertThat(http.bearer(token).get("/api/session").statusCode())
                .as("a new account of the same name does not inherit the old tokens").isEqualTo(401);
    }

    @Test
    void badAccountsAreRefused() {
        assertThat(admin.put(ACCOUNTS + "/noc", "{\"role\":\"user\",\"password\":\"some-secret\"}").statusCode())
                .as("the operator's account name").isEqualTo(409);
        assertThat(admin.put(ACCOUNTS + "/x-web", "{\"role\":\"system-admin\",\"password\":\"some-secret\"}").body())
                .contains("belongs to the operator");
        assertThat(admin.put(ACCOUNTS + "/x-web", "{\"role\":\"boss\",\"password\":\"some-secret\"}").body())
                .contains("field 'role': 'boss' (expected one of: user, operator, contact-person)");
        assertThat(admin.put(ACCOUNTS + "/x-web", "{\"role\":\"user\"}").body())
                .contains("field 'password': required for a new account");
        assertThat(admin.put(ACCOUNTS + "/x-web", "{\"role\":\"user\",\"password\":\"some-secret\",\"user\":\"dave\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.delete(ACCOUNTS + "/fjord-admin").statusCode()).as("not itself").isEqualTo(409);
        assertThat(Http.to(node.server.httpPort()).as("alice", "alice-secret").put(ACCOUNTS + "/x-web",
                "{\"role\":\"user\",\"password\":\"some-secret\"}").statusCode()).isEqualTo(403);
    }
}
