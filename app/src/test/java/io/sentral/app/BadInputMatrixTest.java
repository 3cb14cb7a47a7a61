package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.api.ApiRoute;
import io.sentral.app.AuthorizationMatrixTest.Account;
import io.sentral.app.web.Http;
import io.sentral.core.tenant.TenantId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N5, S17: every route that takes a JSON body refuses bad bodies with a clear 4xx — malformed
 * JSON, a body of the wrong shape, an unknown field, a field of the wrong type (400, naming the
 * problem) and an oversized body (413) — and nothing of it is written. The routes are enumerated
 * from the server, their valid bodies taken from the authorization matrix and then spoiled.
 */
class BadInputMatrixTest {
    private static final String OVERSIZED = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

    @TempDir
    static Path dataDir;

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = AuthorizationMatrixTest.startWithCarolsAccount(dataDir);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyBodyRouteRefusesBadBodiesAndWritesNothing() {
        List<Object> before = state();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ApiRoute route : node.server.apiRoutes()) {
            String key = route.method() + " " + route.template();
            String valid = AuthorizationMatrixTest.BODIES.get(key);
            if (valid == null) {
                continue;
            }
            checked++;
            Http http = actor(route);
            String path = AuthorizationMatrixTest.pathOf(route, "fjord");
            expect(wrong, key, "malformed JSON", http.send(route.method(), path, "{\"x\":"), 400, "malformed JSON");
            expect(wrong, key, "wrong shape", http.send(route.method(), path, valid.startsWith("[") ? "{}" : "[]"),
                    400, "");
            expect(wrong, key, "unknown field", http.send(route.method(), path, withUnknownField(valid)), 400,
                    "bogusField");
            String field = firstField(valid);
            expect(wrong, key, "wrong type of '" + field + "'", http.send(route.method(), path,
                    withWrongType(valid, field)), 400, "");
            expect(wrong, key, "oversized", http.send(route.method(), path, OVERSIZED), 413, "");
        }
        assertThat(checked).as("body routes found").isGreaterThanOrEqualTo(11);
        assertThat(wrong).isEmpty();
        assertThat(state()).as("nothing half-written").isEqualTo(before);
    }

    /** The first account of the demo that may use the route (Carol's for her own things). */
    private static Http actor(ApiRoute route) {
        Http http = Http.to(node.server.httpPort());
        if (route.open()) {
            return http;
        }
        Account account = AuthorizationMatrixTest.ACCOUNTS.stream().filter(a -> route.roles().contains(a.role()))
                .filter(a -> a.tenant().map("fjord"::equals).orElse(true)).findFirst().orElseThrow();
        return http.as(account.name(), account.password());
    }

    private static void expect(List<String> wrong, String key, String what, HttpResponse<String> answer, int status,
                               String mentioned) {
        boolean problem = answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (answer.statusCode() != status || !answer.body().contains(mentioned) || !problem) {
            wrong.add(key + " with " + what + ": " + answer.statusCode() + " (expected " + status + " naming '"
                    + mentioned + "' as a problem document) " + answer.body());
        }
    }

    /** What the bodies could change: both customers' provisioning, Carol's absences, missed calls, tokens. */
    private static List<Object> state() {
        Http admin = Http.to(node.server.httpPort()).as("admin", "admin-secret");
        return List.of(node.server.tenants().provisioning(TenantId.of("fjord")),
                node.server.tenants().provisioning(TenantId.of("acme")),
                admin.get("/api/customers/fjord/users/carol/absences").body(),
                admin.get("/api/customers/fjord/missed-calls").body(),
                admin.get("/api/tokens").body(), node.server.tenants().customers());
    }

    private static String withUnknownField(String valid) {
        int brace = valid.indexOf('{');
        return valid.substring(0, brace + 1) + "\"bogusField\":1," + valid.substring(brace + 1);
    }

    private static String firstField(String valid) {
        int start = valid.indexOf('"') + 1;
        return valid.substring(start, valid.indexOf('"', start));
    }

    /** The field's value replaced by an object, which no scalar or list field accepts. */
    private static String withWrongType(String valid, String field) {
        String name = "\"" + field + "\":";
        int valueStart = valid.indexOf(name) + name.length();
        int valueEnd = valueEnd(valid, valueStart);
        return valid.substring(0, valueStart) + "{\"nested\":{}}" + valid.substring(valueEnd);
    }

    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }
}
