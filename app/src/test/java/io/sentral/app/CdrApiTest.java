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
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R1, R2 over SIP and HTTP: an answered national call from acme's PBX is exported with its billing
 * category and its cost by the bundled tariff (0.49 start + 0.49 per started minute), as JSON and
 * CSV; a customer's contact person sees only the customer's own records.
 */
class CdrApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private SipTestAgent carrier;
    private SipTestAgent pbx;
    private TestNode node;

    @BeforeEach
    void start() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                .gateways(Map.of("carrier-1", carrier.port())));
        node.registerAcme(pbx);
    }

    @AfterEach
    void stop() {
        pbx.close();
        carrier.close();
        node.close();
    }

    @Test
    void anAnsweredNationalCallIsRatedAndExported() throws Exception {
        SipMessage invite = node.dialFromAcme(pbx, "+4722120005", "+4790000001");
        SipMessage atCarrier = carrier.awaitRequest("INVITE", WAIT);
        Phones.pickUp(carrier, atCarrier, 40010);
        Dialog call = Phones.connect(pbx, invite);
        pbx.bye(call);
        Phones.answerNext(carrier, "BYE");
        node.completedRecord(invite.callId());

        Http noc = Http.to(node.server.httpPort()).as("noc", "noc-secret");
        JsonNode cdrs = JSON.readTree(noc.get("/api/customers/acme/cdrs").body());
        assertThat(cdrs).hasSize(1);
        JsonNode cdr = cdrs.get(0);
        assertThat(cdr.get("callId").asText()).isEqualTo(invite.callId());
        assertThat(cdr.get("category").asText()).isEqualTo("national");
        assertThat(cdr.get("cost").asText()).isEqualTo("0.98");
        assertThat(cdr.get("currency").asText()).isEqualTo("NOK");
        assertThat(cdr.get("trunk").asText()).isEqualTo("acme-pbx");

        HttpResponse<String> csv = noc.get("/api/customers/acme/cdrs?format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.body()).startsWith("callId,direction,tenant,trunk,caller,callee,")
                .contains(invite.callId() + ",outbound,acme,acme-pbx,").contains(",national,0.98,NOK\r\n");
        assertThat(JSON.readTree(noc.get("/api/cdrs").body())).hasSize(1);
        assertThat(noc.get("/api/customers/acme/cdrs?format=xml").body()).contains("expected csv or json");
        assertThat(noc.get("/api/customers/acme/cdrs?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").statusCode())
                .isEqualTo(400);

        Http fjord = Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
        assertThat(fjord.get("/api/customers/acme/cdrs").statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(fjord.get("/api/customers/fjord/cdrs").body())).isEmpty();
        assertThat(fjord.get("/api/cdrs").statusCode()).isEqualTo(403);
    }
}
