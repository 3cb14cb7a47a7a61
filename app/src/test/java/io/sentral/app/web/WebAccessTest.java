package io.sentral.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentral.app.SentralServer;
import io.sentral.app.TestDatabase;
import io.sentral.config.ConfigLoader;
import io.sentral.config.HttpSettings;
import io.sentral.config.NodeSettings;
import io.sentral.config.SentralConfig;
import io.sentral.config.SipSettings;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.WebAccount;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.TenantId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S17 over real HTTP with the demo accounts: sessions (HttpOnly, SameSite cookie), API tokens,
 * throttled password guessing, revocation on the next request, the audit log, bad input, and the
 * API document listing exactly the routes served.
 */
class WebAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static SentralServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        SentralConfig demo = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);
        NodeSettings node = new NodeSettings(dataDir, SipSettings.forTests(), HttpSettings.forTests(),
                TestDatabase.forNode(demo.node().database()), demo.node().tracing());
        server = new SentralServer(demo.withNode(node), Clock.systemUTC()).start();
        http = Http.to(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void aBrowserSignsInWithACookieAndOut() {
        HttpResponse<String> in = http.post("/api/session",
                "{\"username\":\"fjord-admin\",\"password\":\"fjord-admin-secret\"}");
        assertThat(in.statusCode()).isEqualTo(200);
        assertThat(json(in).get("role").asText()).isEqualTo("contact-person");
        assertThat(json(in).get("tenant").asText()).isEqualTo("fjord");
        String setCookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("sentral_session=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        Http browser = http.withCookie(setCookie.substring(0, setCookie.indexOf(';')));

        assertThat(json(browser.get("/api/session")).get("account").asText()).isEqualTo("fjord-admin");
        assertThat(browser.delete("/api/session").statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/session").statusCode()).as("the session is gone").isEqualTo(401);
        assertThat(http.post("/api/session", "{\"username\":\"fjord-admin\",\"password\":\"nope\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aMachineUsesAnApiTokenUntilItIsRevoked() {
        HttpResponse<String> issued = http.as("noc", "noc-secret").post("/api/tokens", "{\"name\":\"prometheus\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = json(issued).get("token").asText();
        long id = json(issued).get("id").asLong();
        assertThat(token).startsWith("stl_");
        Http machine = http.bearer(token);
        assertThat(machine.get("/api/traces").statusCode()).isEqualTo(200);
        assertThat(http.as("noc", "noc-secret").get("/api/tokens").body()).contains("prometheus")
                .doesNotContain(token);
        assertThat(http.as("admin", "admin-secret").delete("/api/tokens/" + id).statusCode())
                .as("another account's token").isEqualTo(404);
        assertThat(machine.delete("/api/tokens/" + id).statusCode()).isEqualTo(204);
        assertThat(machine.get("/api/traces").statusCode()).as("revoked: the next request fails").isEqualTo(401);
    }

    @Test
    void passwordGuessingIsThrottledPerAccount() {
        for (int i = 0; i < 5; i++) {
            assertThat(http.as("bob", "guess-" + i).get("/api/session").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = http.as("bob", "bob-secret").get("/api/session");
        assertThat(throttled.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(http.as("alice", "alice-secret").get("/api/session").statusCode()).as("other accounts go on")
                .isEqualTo(200);
    }

    @Test
    void aChangedPasswordEndsSessionsOnTheNextRequest() {
        HttpResponse<String> in = http.post("/api/session", "{\"username\":\"alice\",\"password\":\"alice-secret\"}");
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Http browser = http.withCookie(cookie);
        assertThat(browser.get("/api/session").statusCode()).isEqualTo(200);

        CustomerProvisioning fjord = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE)
                .customers().stream().filter(c -> c.tenant().equals(TenantId.of("fjord"))).findFirst().orElseThrow();
        List<WebAccount> changed = fjord.webAccounts().stream().map(a -> a.name().value().equals("alice")
                ? new WebAccount(a.name(), a.tenant(), a.role(), new AccountSecret.Plain("alice-new-secret"), a.user())
                : a).toList();
        server.provisioner().apply(fjord.withWebAccounts(changed), "test");
        try {
            assertThat(browser.get("/api/session").statusCode()).isEqualTo(401);
            assertThat(http.as("alice", "alice-new-secret").get("/api/session").statusCode()).isEqualTo(200);
        } finally {
            server.provisioner().apply(fjord, "test");
        }
    }

    @Test
    void badLoginBodiesAreNamed() {
        assertThat(http.post("/api/session", "{\"username\":").body())
                .contains("malformed JSON at line 1, column 13: Unexpected end-of-input").doesNotContain("Source");
        HttpResponse<String> unknown = http.post("/api/session",
                "{\"username\":\"noc\",\"password\":\"x\",\"remember\":true}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field 'remember' (expected one of: password, username)");
        HttpResponse<String> wrongType = http.post("/api/session", "{\"username\":5,\"password\":\"x\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("field 'username': expected a string, not 5");
        assertThat(http.post("/api/session", "{\"username\":\"noc\"}").body())
                .contains("field 'password': required");
        assertThat(http.post("/api/session", "{\"username\":\"" + "x".repeat(70_000) + "\"}").statusCode())
                .isEqualTo(413);
    }

    @Test
    void changesAndRefusalsAreAudited() {
        http.as("admin", "admin-secret").post("/api/tokens", "{\"name\":\"audit-check\"}");
        http.as("fjord-admin", "fjord-admin-secret").get("/api/traces");
        HttpResponse<String> all = http.as("admin", "admin-secret").get("/api/audit?limit=1000");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("\"account\":\"admin\"", "\"action\":\"POST /api/tokens\"",
                "\"status\":201", "\"source\":\"127.0.0.1\"")
                .contains("\"account\":\"fjord-admin\",\"tenant\":\"fjord\"", "\"action\":\"GET /api/traces\"",
                        "\"status\":403");
        String own = http.as("fjord-admin", "fjord-admin-secret").get("/api/audit?limit=1000").body();
        assertThat(own).contains("fjord-admin").doesNotContain("\"account\":\"admin\"");
        assertThat(http.as("admin", "admin-secret").get("/api/audit?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theRunIsOnTheDatabaseItClaims() {
        assertThat(server.databaseProduct()).isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
    }

    @Test
    void theApiDocumentListsExactlyTheRoutesServed() {
        HttpResponse<String> doc = http.get("/api/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode paths = json(doc).get("paths");
        Set<String> documented = new HashSet<>();
        paths.fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> served = new HashSet<>();
        server.apiRoutes().forEach(r -> served.add(r.method() + " " + r.template()));
        assertThat(documented).isEqualTo(served).contains("POST /api/session", "GET /api/traces/calls/{callId}");
        assertThat(json(doc).get("openapi").asText()).startsWith("3.1");
    }
}
