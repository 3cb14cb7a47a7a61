package io.sentral.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** N3: per-trunk and per-number trace on demand, both legs of a call, bounded buffers. */
class TraceBookTest {
    private static final TraceTarget ACME = new TraceTarget.OfTrunk(TrunkId.of("acme-pbx"));
    private static final InetSocketAddress PBX = new InetSocketAddress("127.0.0.1", 5070);
    private static final InetSocketAddress SENTRAL = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress CARRIER = new InetSocketAddress("127.0.0.2", 5060);

    private final TraceBook book = new TraceBook(2, 5);
    private int second;

    @Test
    void nothingIsTracedUntilATargetIsSwitchedOn() {
        assertThat(book.active()).isFalse();
        received("a1", "a1", "INVITE sip:+4790000001@sentral.test SIP/2.0");
        started("a1", "acme-pbx", "+4722120005", "+4790000001");
        assertThat(book.calls()).isEmpty();
    }

    @Test
    void aTracedTrunkCallKeepsBothLegsIncludingTheMessagesBeforeRouting() {
        assertThat(book.start(ACME)).isTrue();
        assertThat(book.start(ACME)).as("already on").isFalse();
        received("a1", "a1", "INVITE sip:+4790000001@sentral.test SIP/2.0");
        sent("a1", "a1", "SIP/2.0 100 Trying");
        started("a1", "acme-pbx", "+4722120005", "+4790000001");
        sent("b1", "a1", "INVITE sip:+4790000001@127.0.0.2:5060 SIP/2.0");
        received("b1", "a1", "SIP/2.0 200 OK");
        received("b1", "b1", "BYE sip:sentral@127.0.0.1:5060 SIP/2.0"); // after the call left the registry

        CallTrace trace = book.call("a1").orElseThrow();
        assertThat(trace.matched()).isEqualTo(ACME);
        assertThat(trace.trunk()).contains(TrunkId.of("acme-pbx"));
        assertThat(trace.messages()).extracting(TracedMessage::firstLine).containsExactly(
                "INVITE sip:+4790000001@sentral.test SIP/2.0", "SIP/2.0 100 Trying",
                "INVITE sip:+4790000001@127.0.0.2:5060 SIP/2.0", "SIP/2.0 200 OK",
                "BYE sip:sentral@127.0.0.1:5060 SIP/2.0");
        assertThat(book.call("b1")).as("found by the outgoing leg's Call-ID too").contains(trace);
    }

    @Test
    void callsOverOtherTrunksAreNotTraced() {
        book.start(ACME);
        received("s1", "s1", "INVITE sip:+4790000001@sentral.test SIP/2.0");
        started("s1", "svea-pbx", "+46812345600", "+4790000001");
        assertThat(book.calls()).isEmpty();
    }

    @Test
    void aNumberMatchesAsCallerOrCalleeInE164OrNationalForm() {
        book.start(new TraceTarget.OfNumber(E164Number.of("+4722120005")));
        started("c1", "acme-pbx", "+4722120005", "+4790000001");
        started("c2", "", "+4790000001", "22120005");
        started("c3", "", "+4790000001", "+4722120006");
        assertThat(book.calls()).extracting(CallTrace::callId).containsExactly("c1", "c2");
    }

    @Test
    void buffersAreBoundedPerCallAndInNumberOfCalls() {
        book.start(ACME);
        started("a1", "acme-pbx", "+4722120005", "+4790000001");
        for (int i = 0; i < 8; i++) {
            received("a1", "a1", "INFO sip:x SIP/2.0 #" + i);
        }
        CallTrace first = book.call("a1").orElseThrow();
        assertThat(first.messages()).hasSize(5);
        assertThat(first.dropped()).isEqualTo(3);
        assertThat(first.messages().getFirst().firstLine()).as("the oldest go first").endsWith("#3");

        started("a2", "acme-pbx", "+4722120005", "+4790000001");
        started("a3", "acme-pbx", "+4722120005", "+4790000001");
        assertThat(book.calls()).extracting(CallTrace::callId).containsExactly("a2", "a3");
        assertThat(book.call("a1")).isEmpty();
    }

    @Test
    void switchingOffStopsTracingButKeepsWhatWasTraced() {
        book.start(ACME);
        started("a1", "acme-pbx", "+4722120005", "+4790000001");
        received("a1", "a1", "INVITE sip:x SIP/2.0");
        assertThat(book.stop(ACME)).isTrue();
        assertThat(book.stop(ACME)).isFalse();
        assertThat(book.active()).isFalse();
        received("a1", "a1", "BYE sip:x SIP/2.0");
        started("a2", "acme-pbx", "+4722120005", "+4790000001");
        assertThat(book.calls()).extracting(CallTrace::callId).containsExactly("a1");
        assertThat(book.call("a1").orElseThrow().messages()).hasSize(1);
    }

    @Test
    void refusesAnEmptyBook() {
        assertThatThrownBy(() -> new TraceBook(0, 10)).hasMessageContaining("at least one call");
    }

    private void started(String callId, String trunk, String caller, String callee) {
        book.onEvent(new CallEvent.Started(callId, at(), CallDirection.OUTBOUND, Optional.of(TenantId.of("acme")),
                trunk.isEmpty() ? Optional.empty() : Optional.of(TrunkId.of(trunk)), caller, callee, "127.0.0.1"));
    }

    private void received(String callId, String correlation, String firstLine) {
        book.observe(new TracedMessage(at(), false, "udp", PBX, SENTRAL, callId, firstLine + "\r\n\r\n"), correlation);
    }

    private void sent(String callId, String correlation, String firstLine) {
        book.observe(new TracedMessage(at(), true, "udp", SENTRAL, CARRIER, callId, firstLine + "\r\n\r\n"), correlation);
    }

    private Instant at() {
        return Instant.parse("2026-11-24T08:00:00Z").plusSeconds(second++);
    }
}
