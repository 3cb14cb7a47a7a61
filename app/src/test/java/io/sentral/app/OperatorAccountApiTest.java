package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S17: the operator's own accounts (NOC, system admins) through the API — the same accounts as
 * the YAML file's {@code accounts}. A system admin creates, changes and removes them; a removed
 * account's session and token stop on the next request; the last system admin stays; names are
 * unique across all accounts, customers' included.
 */
class OperatorAccountApiTest {
    private static final String ACCOUNTS = "/api/accounts";

    @TempDir
    Path dataDir;

    private TestNode node;
    private Http http;
    private Http admin;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        http = Http.to(node.server.httpPort());
        admin = http.as("admin", "admin-secret");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void aNocAccountMadeThroughTheApiSignsInUntilItIsRemoved() {
        HttpResponse<String> created = admin.put(ACCOUNTS + "/noc-2", "{\"role\":\"noc\",\"password\":\"noc-2-secret\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"account\":\"noc-2\",\"role\":\"noc\"}");

        HttpResponse<String> in = http.post("/api/session", "{\"username\":\"noc-2\",\"password\":\"noc-2-secret\"}");
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        Http browser = http.withCookie(in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
        String token = http.as("noc-2", "noc-2-secret").post("/api/tokens", "{\"name\":\"scraper\"}").body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> list = browser.get(ACCOUNTS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[{\"account\":\"admin\",\"role\":\"system-admin\"},"
                + "{\"account\":\"noc\",\"role\":\"noc\"},{\"account\":\"noc-2\",\"role\":\"noc\"}]");
        assertThat(http.bearer(token).get(ACCOUNTS).statusCode()).isEqualTo(200);
        assertThat(browser.put(ACCOUNTS + "/noc-3", "{\"role\":\"noc\",\"password\":\"noc-3-secret\"}").statusCode())
                .as("the NOC reads only").isEqualTo(403);

        assertThat(admin.put(ACCOUNTS + "/noc-2", "{\"role\":\"noc\"}").statusCode())
                .as("replaced, the password kept").isEqualTo(200);
        assertThat(browser.get("/api/session").statusCode()).as("same password: the session goes on").isEqualTo(200);

        assertThat(admin.delete(ACCOUNTS + "/noc-2").statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(http.bearer(token).get("/api/session").statusCode()).isEqualTo(401);
        assertThat(admin.get(ACCOUNTS).body()).doesNotContain("noc-2");
        assertThat(admin.delete(ACCOUNTS + "/noc-2").statusCode()).isEqualTo(404);

        assertThat(admin.put(ACCOUNTS + "/noc-2", "{\"role\":\"noc\",\"password\":\"noc-2-secret\"}").statusCode())
                .isEqualTo(201);
        assertThat(http.bearer(token).get("/api/session").statusCode())
                .as("a new account of the same name does not inherit the old token").isEqualTo(401);
        assertThat(admin.get("/api/audit").body()).contains("PUT /api/accounts/noc-2", "DELETE /api/accounts/noc-2");
    }

    @Test
    void theLastSystemAdminCannotBeRemovedOrDowngraded() {
        HttpResponse<String> downgrade = admin.put(ACCOUNTS + "/admin", "{\"role\":\"noc\"}");
        assertThat(downgrade.statusCode()).isEqualTo(409);
        assertThat(downgrade.body()).contains("last system admin");
        assertThat(admin.delete(ACCOUNTS + "/admin").statusCode()).isEqualTo(409);
        assertThat(admin.get(ACCOUNTS).body()).contains("{\"account\":\"admin\",\"role\":\"system-admin\"}");

        assertThat(admin.put(ACCOUNTS + "/ops", "{\"role\":\"system-admin\",\"password\":\"ops-secret\"}").statusCode())
                .isEqualTo(201);
        Http ops = http.as("ops", "ops-secret");
        assertThat(ops.delete(ACCOUNTS + "/admin").statusCode()).isEqualTo(204);
        assertThat(admin.get(ACCOUNTS).statusCode()).as("removed").isEqualTo(401);
        assertThat(ops.put(ACCOUNTS + "/ops", "{\"role\":\"noc\"}").statusCode()).isEqualTo(409);
        assertThat(ops.delete(ACCOUNTS + "/ops").statusCode()).isEqualTo(409);
        assertThat(ops.put(ACCOUNTS + "/ops", "{\"role\":\"system-admin\",\"password\":\"ops-secret-2\"}")
                .statusCode()).as("staying a system admin").isEqualTo(200);
        assertThat(http.as("ops", "ops-secret-2").get(ACCOUNTS).body())
                .isEqualTo("[{\"account\":\"noc\",\"role\":\"noc\"},{\"account\":\"ops\",\"role\":\"system-admin\"}]");
    }

    @Test
    void badOperatorAccountsAreRefusedAndNothingChanges() {
        String before = admin.get(ACCOUNTS).body();
        Map<String, String> refused = Map.of(
                "{\"role\":\"contact-person\",\"password\":\"some-secret\"}",
                "field 'role': 'contact-person' (expected one of: noc, system-admin)",
                "{\"role\":\"noc\"}", "field 'password': required for a new account",
                "{\"role\":\"noc\",\"password\":\"short\"}", "field 'password': at least 8 characters",
                "{\"password\":\"some-secret\"}", "field 'role': required",
                "{\"role\":\"noc\",\"password\":\"some-secret\",\"tenant\":\"fjord\"}",
                "unknown field 'tenant' (expected one of: password, role)",
                "{\"role\":1,\"password\":\"some-secret\"}", "field 'role': expected a string",
                "{\"role\":\"noc\",", "malformed JSON");
        refused.forEach((body, problem) -> {
            HttpResponse<String> answer = admin.put(ACCOUNTS + "/x-ops", body);
            assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(body).contains(problem);
        });
        assertThat(admin.put(ACCOUNTS + "/X%20Ops", "{\"role\":\"noc\",\"password\":\"some-secret\"}").body())
                .contains("account: invalid account name");

        for (String customers : new String[] {"fjord-admin", "alice"}) {
            HttpResponse<String> taken = admin.put(ACCOUNTS + "/" + customers,
                    "{\"role\":\"noc\",\"password\":\"some-secret\"}");
            assertThat(taken.statusCode()).as("a customer's account name").isEqualTo(409);
            assertThat(taken.body()).contains("is taken");
        }
        assertThat(admin.delete(ACCOUNTS + "/fjord-admin").statusCode()).as("not an operator account").isEqualTo(404);
        assertThat(http.as("fjord-admin", "fjord-admin-secret").get("/api/customers/fjord/accounts").body())
                .contains("\"account\":\"fjord-admin\"");
        assertThat(http.as("fjord-admin", "fjord-admin-secret").get(ACCOUNTS).statusCode()).isEqualTo(403);
        assertThat(http.as("fjord-admin", "fjord-admin-secret").put("/api/customers/fjord/accounts/noc",
                "{\"role\":\"user\",\"password\":\"some-secret\"}").statusCode()).as("an operator's name").isEqualTo(409);
        assertThat(admin.get(ACCOUNTS).body()).as("nothing stored").isEqualTo(before).doesNotContain("pbkdf2");
    }
}
