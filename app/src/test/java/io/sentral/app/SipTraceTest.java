package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.TracingSettings;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.trace.CallTrace;
import io.sentral.core.trace.TraceTarget;
import io.sentral.core.trace.TracedMessage;
import io.sentral.testkit.Dialog;
import io.sentral.testkit.HepCollector;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N3: SIP trace on demand per trunk and per number, switched at runtime, with both legs of a
 * B2BUA call; HEP v3 export of every message to a collector, both legs correlated by the incoming
 * leg's Call-ID; N1: client transaction times.
 */
class SipTraceTest {
    private static final TraceTarget ACME = new TraceTarget.OfTrunk(TrunkId.of("acme-pbx"));

    @TempDir
    Path dataDir;

    private final HepCollector collector = new HepCollector();
    private SipTestAgent carrier;
    private SipTestAgent pbx;
    private TestNode node;

    @BeforeEach
    void start() {
        carrier = SipTestAgent.udp("127.0.0.2", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
        TracingSettings tracing = new TracingSettings(10, 50, Optional.of(
                new TracingSettings.HepSettings("127.0.0.1", collector.port(), 2001, Optional.empty())));
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults()
                .gateways(Map.of("carrier-1", carrier.port())).tracing(tracing));
        node.registerAcme(pbx);
    }

    @AfterEach
    void stop() {
        pbx.close();
        carrier.close();
        node.close();
        collector.close();
    }

    /** The carrier calls acme's +4722120005, the PBX answers, the carrier hangs up. */
    private SipMessage callAcme(String caller) {
        SipMessage invite = Phones.callIn(node, carrier, caller, "+4722120005", 40000);
        SipMessage atPbx = pbx.awaitRequest("INVITE", WAIT);
        Phones.pickUp(pbx, atPbx, 40010);
        Dialog call = Phones.connect(carrier, invite);
        carrier.bye(call);
        Phones.answerNext(pbx, "BYE");
        carrier.awaitResponse(invite.callId(), "BYE", WAIT);
        return invite;
    }

    @Test
    void everyMessageOfBothLegsGoesToTheHepCollectorCorrelatedByTheIncomingCallId() {
        SipMessage invite = callAcme("+4791234567");
        String aLeg = invite.callId();
        InetSocketAddress sentral = node.address;

        HepCollector.Packet fromCarrier = collector.await(p -> p.firstLine().startsWith("INVITE ")
                && p.header("Call-ID").equals(aLeg), WAIT);
        assertThat(fromCarrier.source()).isEqualTo(carrier.address());
        assertThat(fromCarrier.destination()).isEqualTo(sentral);
        assertThat(fromCarrier.correlationId()).contains(aLeg);
        assertThat(fromCarrier.number(11)).as("protocol type SIP").isEqualTo(1);
        assertThat(fromCarrier.number(12)).as("capture id").isEqualTo(2001);

        HepCollector.Packet toPbx = collector.await(p -> p.firstLine().startsWith("INVITE sip:+4722120005@")
                && p.destination().equals(pbx.address()), WAIT);
        String bLeg = toPbx.header("Call-ID");
        assertThat(bLeg).isNotEqualTo(aLeg);
        assertThat(toPbx.source()).isEqualTo(sentral);
        assertThat(toPbx.correlationId()).as("the outgoing leg points at the incoming one").contains(aLeg);

        HepCollector.Packet answer = collector.await(p -> p.firstLine().startsWith("SIP/2.0 200")
                && p.header("Call-ID").equals(bLeg) && p.header("CSeq").endsWith("INVITE"), WAIT);
        assertThat(answer.source()).isEqualTo(pbx.address());
        assertThat(answer.correlationId()).contains(aLeg);
        collector.await(p -> p.firstLine().startsWith("BYE ") && p.header("Call-ID").equals(bLeg), WAIT);
        collector.await(p -> p.firstLine().startsWith("SIP/2.0 200") && p.header("Call-ID").equals(aLeg)
                && p.header("CSeq").endsWith("BYE") && p.destination().equals(carrier.address()), WAIT);
        assertThat(collector.malformed()).isEmpty();
        assertThat(fromCarrier.timestamp()).isBefore(answer.timestamp().plusNanos(1));
    }

    @Test
    void aTrunkTraceSwitchedOnAtRuntimeKeepsBothLegsOfItsCallsUntilSwitchedOff() {
        callAcme("+4791234567");
        assertThat(node.server.traces().calls()).as("nothing is traced before it is switched on").isEmpty();

        assertThat(node.server.traces().start(ACME)).isTrue();
        String traced = callAcme("+4791234567").callId();
        CallTrace trace = node.server.traces().call(traced).orElseThrow();
        assertThat(trace.trunk()).contains(TrunkId.of("acme-pbx"));
        assertThat(trace.caller()).isEqualTo("+4791234567");
        List<String> lines = trace.messages().stream().map(m -> (m.sent() ? "> " : "< ") + m.firstLine()).toList();
        assertThat(lines).as("both legs, in wire order").containsSubsequence(
                "< INVITE sip:+4722120005@127.0.0.1:" + node.address.getPort() + " SIP/2.0",
                "> INVITE sip:+4722120005@127.0.0.1:" + pbx.port() + " SIP/2.0",
                "< SIP/2.0 200 OK",
                "> SIP/2.0 200 OK",
                "< BYE sip:sentral@127.0.0.1:" + node.address.getPort() + " SIP/2.0");
        assertThat(lines).as("ACK and BYE arrive together; the stack's threads may see either first")
                .contains("< ACK sip:sentral@127.0.0.1:" + node.address.getPort() + " SIP/2.0");
        assertThat(trace.messages()).extracting(TracedMessage::callId).contains(traced).hasSizeGreaterThan(8)
                .as("the outgoing leg too").anyMatch(id -> !id.equals(traced));
        assertThat(trace.messages()).filteredOn(m -> m.firstLine().startsWith("BYE")).isNotEmpty();

        assertThat(node.server.traces().stop(ACME)).isTrue();
        String untraced = callAcme("+4791234567").callId();
        assertThat(node.server.traces().call(untraced)).isEmpty();
        assertThat(node.server.traces().calls()).extracting(CallTrace::callId).containsExactly(traced);
    }

    @Test
    void aNumberTraceCatchesCallsFromThatNumberOnly() {
        node.server.traces().start(new TraceTarget.OfNumber(E164Number.of("+4790000001")));
        String other = callAcme("+4791234567").callId();
        String wanted = callAcme("+4790000001").callId();
        assertThat(node.server.traces().calls()).extracting(CallTrace::callId).containsExactly(wanted)
                .doesNotContain(other);
    }

    @Test
    void theDemoNocAccountSwitchesATraceOverTheApiAndReadsTheCall() throws Exception {
        HttpResponse<String> on = api("PUT", "/api/traces/trunks/acme-pbx", "noc", "noc-secret");
        assertThat(on.statusCode()).isEqualTo(201);
        String callId = callAcme("+4791234567").callId();

        HttpResponse<String> list = api("GET", "/api/traces", "noc", "noc-secret");
        assertThat(list.body()).contains("\"callId\":\"" + callId + "\"", "\"trunk\":\"acme-pbx\"");
        HttpResponse<String> text = api("GET", "/api/traces/calls/" + callId + "?format=text", "noc", "noc-secret");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("UDP 127.0.0.2:" + carrier.port() + " -> 127.0.0.1:" + node.address.getPort()
                + "\nINVITE sip:+4722120005@", "\nBYE sip:", "-> 127.0.0.1:" + pbx.port() + "\nINVITE sip:");

        assertThat(api("DELETE", "/api/traces/trunks/acme-pbx", "fjord-admin", "fjord-admin-secret").statusCode())
                .as("a customer's contact person does not trace").isEqualTo(403);
        assertThat(api("DELETE", "/api/traces/trunks/acme-pbx", "noc", "wrong").statusCode()).isEqualTo(401);
        assertThat(api("DELETE", "/api/traces/trunks/acme-pbx", "admin", "admin-secret").statusCode()).isEqualTo(204);
        assertThat(node.server.traces().targets()).isEmpty();
    }

    private HttpResponse<String> api(String method, String path, String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.server.httpPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientTransactionTimesAreMeasuredPerMethod() {
        callAcme("+4791234567");
        Awaitility.await().atMost(WAIT).until(() -> node.server.meters().scrape(),
                m -> m.contains("sentral_sip_transaction_seconds_count{method=\"BYE\"} 1")
                        && m.contains("sentral_sip_transaction_seconds_count{method=\"INVITE\"} 1"));
        assertThat(node.server.meters().scrape()).contains("sentral_hep_packets_total{outcome=\"sent\"}")
                .contains("sentral_sip_transaction_seconds_bucket{method=\"BYE\",le=\"2.0\"} 1");
    }
}
