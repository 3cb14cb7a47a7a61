package io.sentral.sip.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.trace.TracedMessage;
import io.sentral.testkit.HepCollector;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** N3: one SIP message as a HEP v3 packet, chunk by chunk, as a Homer collector decodes it. */
class HepPacketTest {
    private static final String INVITE = "INVITE sip:+4722120005@127.0.0.1:5070 SIP/2.0\r\n"
            + "Call-ID: b-leg-1\r\nContent-Length: 0\r\n\r\n";
    private static final Instant AT = Instant.parse("2026-11-24T08:15:30.123456Z");

    @Test
    void anIpv4UdpMessageCarriesAddressesPortsTimeAndTheCallsCorrelation() {
        TracedMessage sent = new TracedMessage(AT, true, "udp", new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("127.0.0.5", 5070), "b-leg-1", INVITE);
        byte[] bytes = HepPacket.encode(sent, "a-leg-1", 2001, Optional.of("hep-key")).orElseThrow();

        HepCollector.Packet packet = HepCollector.decode(bytes);
        assertThat(packet.number(HepPacket.FAMILY)).as("AF_INET").isEqualTo(2);
        assertThat(packet.number(HepPacket.PROTOCOL)).as("UDP").isEqualTo(17);
        assertThat(packet.source()).isEqualTo(new InetSocketAddress("127.0.0.1", 5060));
        assertThat(packet.destination()).isEqualTo(new InetSocketAddress("127.0.0.5", 5070));
        assertThat(packet.timestamp()).isEqualTo(AT);
        assertThat(packet.number(HepPacket.PROTOCOL_TYPE)).as("SIP").isEqualTo(1);
        assertThat(packet.number(HepPacket.CAPTURE_ID)).isEqualTo(2001);
        assertThat(packet.text(HepPacket.AUTH_KEY)).isEqualTo("hep-key");
        assertThat(packet.payload()).isEqualTo(INVITE);
        assertThat(packet.correlationId()).contains("a-leg-1");
    }

    @Test
    void tcpAndIpv6UseTheirOwnChunksAndIpv4IsMappedWhenFamiliesMix() {
        TracedMessage received = new TracedMessage(AT, false, "tls", new InetSocketAddress("::1", 40000),
                new InetSocketAddress("127.0.0.1", 5061), "x", INVITE);
        HepCollector.Packet packet = HepCollector.decode(
                HepPacket.encode(received, "", 7, Optional.empty()).orElseThrow());
        assertThat(packet.number(HepPacket.FAMILY)).as("AF_INET6").isEqualTo(10);
        assertThat(packet.number(HepPacket.PROTOCOL)).as("TCP").isEqualTo(6);
        assertThat(packet.source()).isEqualTo(new InetSocketAddress("::1", 40000));
        assertThat(packet.chunk(HepPacket.IPV6_DESTINATION)).hasSize(16);
        assertThat(packet.destination().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(packet.has(HepPacket.AUTH_KEY)).isFalse();
        assertThat(packet.correlationId()).as("nothing to correlate").isEmpty();
    }

    @Test
    void aMessageTooLargeForOneDatagramIsNotEncoded() {
        TracedMessage huge = new TracedMessage(AT, true, "tcp", new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("127.0.0.5", 5070), "x", "MESSAGE sip:x SIP/2.0\r\n\r\n" + "x".repeat(70_000));
        assertThat(HepPacket.encode(huge, "x", 1, Optional.empty())).isEmpty();
    }

    @Test
    void theTestCollectorRefusesWhatIsNotHep3() {
        assertThatThrownBy(() -> HepCollector.decode("HEP2abcdef".getBytes())).hasMessage("no HEP3 magic");
        byte[] bytes = HepPacket.encode(new TracedMessage(AT, true, "udp", new InetSocketAddress("127.0.0.1", 1),
                new InetSocketAddress("127.0.0.1", 2), "x", INVITE), "x", 1, Optional.empty()).orElseThrow();
        bytes[5]++;
        assertThatThrownBy(() -> HepCollector.decode(bytes)).hasMessageContaining("total length");
    }
}
