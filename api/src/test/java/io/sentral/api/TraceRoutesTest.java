package io.sentral.api;

import io.sentral.core.account.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.HttpSettings;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.Role;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.trace.TraceBook;
import io.sentral.core.trace.TracedMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** N3, S17: the trace switch over real HTTP — who may use it, and what it answers. */
class TraceRoutesTest {
    /** Accounts of the test: name → (password, role). */
    private static final Map<String, Map.Entry<String, Role>> ACCOUNTS = Map.of(
            "noc", Map.entry("noc-secret", Role.NOC),
            "admin", Map.entry("admin-secret", Role.SYSTEM_ADMIN),
            "fjord-admin", Map.entry("fjord-admin-secret", Role.CONTACT_PERSON));

    private final TraceBook book = new TraceBook(10, 50);
    private final java.util.List<AuditLog.Entry> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(Entry entry) {
            audited.add(entry);
        }

        @Override
        public java.util.List<Entry> recent(Optional<String> tenant, int limit) {
            return java.util.List.copyOf(audited);
        }
    };
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer server;

    @BeforeEach
    void start() {
        Authenticator accounts = (credential, source) -> credential instanceof Credential.Password p
                && ACCOUNTS.containsKey(p.username()) && ACCOUNTS.get(p.username()).getKey().equals(p.password())
                ? new Authentication.Accepted(new Caller(AccountName.of(p.username()),
                ACCOUNTS.get(p.username()).getValue(), ACCOUNTS.get(p.username()).getValue().tenantScoped()
                ? Optional.of(TenantId.of("fjord")) : Optional.empty()))
                : new Authentication.Refused("test");
        ApiRoutes api = new ApiRoutes(new TraceRoutes(book, trunk -> trunk.value().equals("acme-pbx")).routes(),
                accounts, audit, java.time.Clock.systemUTC());
        server = new HttpServer(HttpSettings.forTests(), new OperationsRoutes(() -> "", () ->
                new OperationsRoutes.Health(true, "")), api).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5));
        if (user != null) {
            String password = ACCOUNTS.containsKey(user) ? ACCOUNTS.get(user).getKey() : "guess";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theNocSwitchesATrunkTraceOnAndOff() throws Exception {
        HttpResponse<String> on = send("PUT", "/api/traces/trunks/acme-pbx", "noc");
        assertThat(on.statusCode()).isEqualTo(201);
        assertThat(on.body()).isEqualTo("{\"tracing\":{\"trunk\":\"acme-pbx\"},\"on\":true}");
        assertThat(send("PUT", "/api/traces/trunks/acme-pbx", "admin").statusCode()).as("already on").isEqualTo(200);
        assertThat(send("GET", "/api/traces", "noc").body()).startsWith("{\"targets\":[{\"trunk\":\"acme-pbx\"}]");

        assertThat(send("DELETE", "/api/traces/trunks/acme-pbx", "noc").statusCode()).isEqualTo(204);
        assertThat(book.targets()).isEmpty();
        HttpResponse<String> again = send("DELETE", "/api/traces/trunks/acme-pbx", "noc");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("trunk acme-pbx is not being traced");
    }

    @Test
    void aNumberIsGivenInE164WithItsPlus() throws Exception {
        assertThat(send("PUT", "/api/traces/numbers/+4722120005", "noc").statusCode()).isEqualTo(201);
        assertThat(send("GET", "/api/traces", "noc").body()).contains("{\"number\":\"+4722120005\"}");
        assertThat(send("DELETE", "/api/traces/numbers/%2B4722120005", "noc").statusCode()).isEqualTo(204);
        HttpResponse<String> bad = send("PUT", "/api/traces/numbers/22120005", "noc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue(HttpAnswer.PROBLEM);
        assertThat(bad.body()).contains("'22120005' is not an E.164 number");
        HttpResponse<String> unknown = send("PUT", "/api/traces/trunks/nobody-pbx", "noc");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no trunk 'nobody-pbx'");
    }

    @Test
    void aTracedCallReadsAsJsonOrAsText() throws Exception {
        book.start(new io.sentral.core.trace.TraceTarget.OfTrunk(TrunkId.of("acme-pbx")));
        book.onEvent(new CallEvent.Started("a1@127.0.0.1", Instant.parse("2026-11-24T08:00:00Z"),
                CallDirection.OUTBOUND, Optional.of(TenantId.of("acme")), Optional.of(TrunkId.of("acme-pbx")),
                "+4722120005", "+4790000001", "127.0.0.1"));
        book.observe(new TracedMessage(Instant.parse("2026-11-24T08:00:00.001Z"), false, "udp",
                new InetSocketAddress("127.0.0.1", 5070), new InetSocketAddress("127.0.0.1", 5060), "a1@127.0.0.1",
                "INVITE sip:+4790000001@sentral.test SIP/2.0\r\nCall-ID: a1@127.0.0.1\r\n\r\n"), "a1@127.0.0.1");

        HttpResponse<String> json = send("GET", "/api/traces/calls/a1@127.0.0.1", "noc");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"callId\":\"a1@127.0.0.1\"", "\"trunk\":\"acme-pbx\"",
                "\"direction\":\"received\"", "\"source\":\"127.0.0.1:5070\"",
                "\"text\":\"INVITE sip:+4790000001@sentral.test SIP/2.0\\r\\n");
        HttpResponse<String> text = send("GET", "/api/traces/calls/a1@127.0.0.1?format=text", "noc");
        assertThat(text.headers().firstValue("Content-Type")).hasValue(HttpAnswer.TEXT);
        assertThat(text.body()).contains("2026-11-24T08:00:00.001Z UDP 127.0.0.1:5070 -> 127.0.0.1:5060\n"
                + "INVITE sip:+4790000001@sentral.test SIP/2.0\nCall-ID: a1@127.0.0.1\n");
        assertThat(send("GET", "/api/traces/calls/nope", "noc").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheNocAndSystemAdminsMayTrace() throws Exception {
        HttpResponse<String> anonymous = send("PUT", "/api/traces/trunks/acme-pbx", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(ApiRoutes.CHALLENGE);
        HttpResponse<String> wrong = send("GET", "/api/traces", "intruder");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("unknown account, wrong password");
        HttpResponse<String> customer = send("PUT", "/api/traces/trunks/acme-pbx", "fjord-admin");
        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.body()).contains("role contact-person may not PUT /api/traces/trunks/acme-pbx");
        assertThat(book.targets()).isEmpty();
        assertThat(audited).extracting(AuditLog.Entry::account, AuditLog.Entry::action, AuditLog.Entry::status)
                .as("refusals are audited with who tried").contains(
                        org.assertj.core.groups.Tuple.tuple("anonymous", "PUT /api/traces/trunks/acme-pbx", 401),
                        org.assertj.core.groups.Tuple.tuple("intruder", "GET /api/traces", 401),
                        org.assertj.core.groups.Tuple.tuple("fjord-admin", "PUT /api/traces/trunks/acme-pbx", 403));
    }

    @Test
    void unknownPathsAndMethodsAreNamed() throws Exception {
        assertThat(send("GET", "/api/nothing", "noc").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/api/traces/trunks/acme-pbx", "noc");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("DELETE, PUT");
        assertThat(send("GET", "/health", null).statusCode()).as("operations stay open").isEqualTo(200);
    }
}
