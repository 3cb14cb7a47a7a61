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

/**
 * T6, N5, S4 over HTTP: emergency addresses are registered through the API with their history and
 * are live at once (the coverage gauge follows); bad addresses are refused naming the problem and
 * change nothing; the VIP list is replaced as a whole.
 */
class EmergencyAddressApiTest {
    private static final String ACME = "/api/customers/acme/emergency-addresses";
    private static final String ALL_OF_ACME = "[{\"range\":\"+4722120000-+4722120098\",\"street\":\"Storgata\","
            + "\"houseNumber\":\"1\",\"postcode\":\"0155\",\"town\":\"Oslo\",\"country\":\"NO\"},"
            + "{\"range\":\"+4722120099\",\"street\":\"Storgata\",\"houseNumber\":\"3\",\"postcode\":\"0155\","
            + "\"town\":\"Oslo\",\"country\":\"NO\",\"floor\":\"2\"}]";

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
    void aMissingAddressIsRegisteredLiveWithItsHistory_T6() {
        assertThat(admin.get(ACME).body()).contains("\"numbersWithoutAddress\":[\"+4722120099-+4722120099\"]");
        HttpResponse<String> put = admin.put(ACME, ALL_OF_ACME);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"numbersWithoutAddress\":[]", "\"houseNumber\":\"3\"", "\"floor\":\"2\"");
        assertThat(node.server.meters().scrape())
                .contains("sentral_emergency_numbers_without_address{tenant=\"acme\"} 0.0");
        assertThat(admin.get(ACME + "/history").body()).contains("\"changedBy\":\"api:admin\"", "\"houseNumber\":\"3\"");
    }

    @Test
    void badAddressesAreRefusedAndNothingChanges() {
        String before = admin.get(ACME).body();
        assertThat(admin.put(ACME, ALL_OF_ACME.replace("\"NO\",\"floor\"", "\"DK\",\"floor\"")).body())
                .contains("[1]: country: 'DK'");
        assertThat(admin.put(ACME, ALL_OF_ACME.replace("\"street\":\"Storgata\",\"houseNumber\":\"3\"",
                "\"houseNumber\":\"3\"")).body()).contains("field 'street': required");
        HttpResponse<String> notOurs = admin.put(ACME, ALL_OF_ACME.replace("+4722120099", "+4723450001"));
        assertThat(notOurs.statusCode()).isIn(400, 409);
        assertThat(admin.put(ACME, "{\"range\":\"+4722120099\"}").body()).as("a list, not an object")
                .contains("expected");
        assertThat(admin.get(ACME).body()).isEqualTo(before);
        Http fjord = Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
        assertThat(fjord.put(ACME, ALL_OF_ACME).statusCode()).isEqualTo(404);
        assertThat(Http.to(node.server.httpPort()).as("noc", "noc-secret").put(ACME, ALL_OF_ACME).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theVipListIsReplacedAsAWhole_S4() {
        Http fjord = Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
        assertThat(fjord.get("/api/customers/fjord/vip-list").body()).contains("+4790000001", "+4790000002");
        HttpResponse<String> put = fjord.put("/api/customers/fjord/vip-list",
                "[{\"number\":\"+4790000009\",\"description\":\"Chairman\"}]");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("+4790000009", "Chairman").doesNotContain("+4790000001");
        assertThat(fjord.put("/api/customers/fjord/vip-list", "[{\"number\":\"0900\"}]").body())
                .contains("[0].number: not an E.164 number");
        assertThat(Http.to(node.server.httpPort()).as("alice", "alice-secret").get("/api/customers/fjord/vip-list")
                .statusCode()).as("operators see who is VIP").isEqualTo(200);
    }
}
