package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N5, T3, S13, S17 over HTTP: a system admin creates a customer with its numbers, gives a trunk some
 * of them, changes and removes it; routing follows at once; clashes and bad input are refused with
 * nothing written; a removed customer's accounts stop on their next request.
 */
class CustomerApiTest {
    private static final TenantId NORDLYS = TenantId.of("nordlys");
    private static final String CUSTOMER = "/api/customers/nordlys";
    private static final String NEW = "{\"name\":\"Nordlys AS\",\"country\":\"NO\",\"numbers\":[\"+4722770000-+4722770099\"],"
            + "\"extraNumbers\":[{\"number\":\"+4791777777\",\"description\":\"CEO mobile\"}],\"queueHistoryDays\":30}";

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
    void aCustomerIsCreatedWithItsNumbersAndATrunkTakesSomeOfThem_N5_T3() {
        HttpResponse<String> created = admin.put(CUSTOMER, NEW);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(admin.get(CUSTOMER).body()).isEqualTo("{\"id\":\"nordlys\",\"name\":\"Nordlys AS\",\"country\":\"NO\","
                + "\"queueHistoryDays\":30,\"numbers\":[{\"range\":\"+4722770000-+4722770099\"}],"
                + "\"extraNumbers\":[{\"number\":\"+4791777777\",\"description\":\"CEO mobile\"}]}");
        assertThat(admin.get("/api/customers").body()).contains("{\"id\":\"nordlys\",\"name\":\"Nordlys AS\","
                + "\"country\":\"NO\",\"queueHistoryDays\":30,\"numbers\":100,\"trunks\":0,\"users\":0,\"queues\":0}");
        assertThat(node.server.tenants().customer(NORDLYS)).as("live at once").isPresent();

        HttpResponse<String> trunk = admin.put(CUSTOMER + "/trunks/nordlys-pbx", "{\"kind\":\"registration\","
                + "\"password\":\"nordlys-secret\",\"defaultNumber\":\"+4722770000\",\"callerIdPolicy\":\"reject\","
                + "\"numbers\":[\"+4722770000-+4722770049\"]}");
        assertThat(trunk.statusCode()).as(trunk.body()).isEqualTo(201);
        assertThat(trunk.body()).contains("\"numbers\":[\"+4722770000-+4722770049\"]");
        assertThat(admin.get(CUSTOMER).body()).contains("\"numbers\":[{\"range\":\"+4722770000-+4722770049\","
                + "\"trunk\":\"nordlys-pbx\"},{\"range\":\"+4722770050-+4722770099\"}]");
        assertThat(node.server.tenants().rangeOwning(E164Number.of("+4722770007")).flatMap(r -> r.trunk()))
                .as("calls to the range reach the trunk").hasValueSatisfying(t -> assertThat(t.value())
                        .isEqualTo("nordlys-pbx"));

        HttpResponse<String> shrunk = admin.put(CUSTOMER, "{\"name\":\"Nordlys AS\",\"country\":\"NO\","
                + "\"numbers\":[\"+4722770050-+4722770099\"]}");
        assertThat(shrunk.statusCode()).isEqualTo(400);
        assertThat(shrunk.body()).contains("range +4722770000-+4722770049 of trunk nordlys-pbx is not among nordlys's"
                + " numbers");
        HttpResponse<String> outside = admin.put(CUSTOMER + "/trunks/nordlys-pbx", "{\"kind\":\"registration\","
                + "\"defaultNumber\":\"+4722770000\",\"callerIdPolicy\":\"reject\",\"numbers\":[\"+4722880000\"]}");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("+4722880000 of trunk nordlys-pbx is not among nordlys's numbers");

        HttpResponse<String> renamed = admin.put(CUSTOMER, "{\"name\":\"Nordlys Energi AS\",\"country\":\"NO\"}");
        assertThat(renamed.statusCode()).as("numbers, extra numbers and period kept").isEqualTo(200);
        assertThat(admin.get(CUSTOMER).body()).contains("\"name\":\"Nordlys Energi AS\"", "\"queueHistoryDays\":30",
                "\"trunk\":\"nordlys-pbx\"", "+4791777777");
        HttpResponse<String> deleted = admin.delete(CUSTOMER + "/trunks/nordlys-pbx");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(admin.get(CUSTOMER).body()).as("the trunk's numbers stay the customer's")
                .contains("\"numbers\":[{\"range\":\"+4722770000-+4722770049\"},{\"range\":\"+4722770050-+4722770099\"}]");
    }

    @Test
    void clashesAndBadInputAreRefusedAndNothingIsWritten_N5() {
        HttpResponse<String> taken = admin.put("/api/customers/other", "{\"name\":\"Other AS\",\"country\":\"NO\","
                + "\"numbers\":[\"+4723450000-+4723450010\"]}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).contains("+4723450000");
        assertBad("{\"name\":\"Other AS\",\"country\":\"DK\",\"numbers\":[\"+4722770000\"]}", "field 'country'");
        assertBad("{\"name\":\"Other AS\",\"country\":\"NO\",\"numbers\":[\"+47abc\"]}", "field 'numbers'");
        assertBad("{\"name\":\"Other AS\",\"country\":\"NO\",\"numbers\":[\"+4722770000\"],\"queueHistoryDays\":0}",
                "field 'queueHistoryDays'");
        assertBad("{\"name\":\"Other AS\",\"country\":\"NO\"}", "field 'numbers': required for a new customer");
        assertBad("{\"name\":\"Other AS\",\"country\":\"NO\",\"numbers\":[\"+4722770000\"],\"mainNumber\":\"+4799\"}",
                "field 'mainNumber'");
        assertBad("{\"name\":\"\",\"country\":\"NO\",\"numbers\":[\"+4722770000\"]}", "field 'name'");
        assertBad("{\"name\":\"Other AS\",\"country\":\"NO\",\"numbers\":[\"+4722770000\"],\"vat\":1}",
                "unknown field 'vat'");
        assertThat(admin.put("/api/customers/Not_Valid!", NEW).statusCode()).isEqualTo(400);
        assertThat(node.server.tenants().customer(TenantId.of("other"))).isEmpty();
        assertThat(Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret").put(CUSTOMER, NEW)
                .statusCode()).as("only system admins create customers").isEqualTo(403);
    }

    @Test
    void aRemovedCustomersNumbersAndAccountsStopAtOnce_N5_S17() {
        assertThat(admin.put(CUSTOMER, NEW).statusCode()).isEqualTo(201);
        assertThat(admin.put(CUSTOMER + "/accounts/nordlys-admin",
                "{\"role\":\"contact-person\",\"password\":\"nordlys-admin-secret\"}").statusCode()).isEqualTo(201);
        Http contact = Http.to(node.server.httpPort()).as("nordlys-admin", "nordlys-admin-secret");
        assertThat(contact.get(CUSTOMER).statusCode()).as("a contact person reads the own customer").isEqualTo(200);
        assertThat(contact.get("/api/customers/fjord").statusCode()).as("not another").isEqualTo(404);
        String token = contact.post("/api/tokens", "{\"name\":\"script\"}").body()
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> refused = admin.delete(CUSTOMER);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("still has 1 web account");
        assertThat(admin.delete(CUSTOMER + "?force=true").statusCode()).isEqualTo(204);

        assertThat(node.server.tenants().customer(NORDLYS)).isEmpty();
        assertThat(admin.get(CUSTOMER).statusCode()).isEqualTo(404);
        assertThat(contact.get("/api/session").statusCode()).isEqualTo(401);
        assertThat(Http.to(node.server.httpPort()).bearer(token).get("/api/session").statusCode()).isEqualTo(401);
        assertThat(admin.put(CUSTOMER, NEW).statusCode()).as("its numbers are free again").isEqualTo(201);
    }

    private void assertBad(String body, String named) {
        HttpResponse<String> answer = admin.put("/api/customers/other", body);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.body()).as(body).contains(named);
    }
}
