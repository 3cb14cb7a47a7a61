package io.sentral.sip.trace;

import io.sentral.core.trace.TracedMessage;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes one SIP message as a HEP v3 packet (the Homer Encapsulation Protocol, as Homer and
 * heplify speak it): the {@code HEP3} magic, the total length, then chunks of vendor 0, each
 * {@code vendor(2) type(2) length(2, header included) payload}, all big-endian.
 */
public final class HepPacket {
    static final int FAMILY = 1;
    static final int PROTOCOL = 2;
    static final int IPV4_SOURCE = 3;
    static final int IPV4_DESTINATION = 4;
    static final int IPV6_SOURCE = 5;
    static final int IPV6_DESTINATION = 6;
    static final int SOURCE_PORT = 7;
    static final int DESTINATION_PORT = 8;
    static final int SECONDS = 9;
    static final int MICROSECONDS = 10;
    static final int PROTOCOL_TYPE = 11;
    static final int CAPTURE_ID = 12;
    static final int AUTH_KEY = 14;
    static final int PAYLOAD = 15;
    static final int CORRELATION_ID = 17;

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int UDP = 17;
    private static final int TCP = 6;
    private static final int SIP = 1;
    private static final int MAX_PACKET = 65_507;

    private HepPacket() {
    }

    /**
     * The HEP v3 packet for {@code message}; {@code correlationId} ties the legs of one call together
     * (chunk 17). Empty when the message is too large for one UDP datagram.
     */
    public static Optional<byte[]> encode(TracedMessage message, String correlationId, int captureId,
                                          Optional<String> authKey) {
        Chunks chunks = new Chunks();
        InetAddress source = addressOf(message.source());
        InetAddress destination = addressOf(message.destination());
        boolean ipv4 = source instanceof Inet4Address && destination instanceof Inet4Address;
        chunks.u8(FAMILY, ipv4 ? AF_INET : AF_INET6);
        chunks.u8(PROTOCOL, "udp".equals(message.transport()) ? UDP : TCP);
        chunks.bytes(ipv4 ? IPV4_SOURCE : IPV6_SOURCE, ipv4 ? source.getAddress() : ipv6(source));
        chunks.bytes(ipv4 ? IPV4_DESTINATION : IPV6_DESTINATION, ipv4 ? destination.getAddress() : ipv6(destination));
        chunks.u16(SOURCE_PORT, message.source().getPort());
        chunks.u16(DESTINATION_PORT, message.destination().getPort());
        chunks.u32(SECONDS, message.at().getEpochSecond());
        chunks.u32(MICROSECONDS, message.at().getNano() / 1000);
        chunks.u8(PROTOCOL_TYPE, SIP);
        chunks.u32(CAPTURE_ID, captureId);
        authKey.ifPresent(key -> chunks.bytes(AUTH_KEY, key.getBytes(StandardCharsets.UTF_8)));
        chunks.bytes(PAYLOAD, message.text().getBytes(StandardCharsets.UTF_8));
        if (!correlationId.isEmpty()) {
            chunks.bytes(CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = chunks.out.toByteArray();
        int total = 6 + body.length;
        if (total > MAX_PACKET) {
            return Optional.empty();
        }
        byte[] packet = new byte[total];
        packet[0] = 'H';
        packet[1] = 'E';
        packet[2] = 'P';
        packet[3] = '3';
        packet[4] = (byte) (total >>> 8);
        packet[5] = (byte) total;
        System.arraycopy(body, 0, packet, 6, body.length);
        return Optional.of(packet);
    }

    /** An unresolvable peer is written as the unspecified address rather than dropped. */
    private static InetAddress addressOf(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        return ip != null ? ip : new InetSocketAddress(0).getAddress();
    }

    /** 16 bytes: IPv6 as is, IPv4 as IPv4-mapped ({@code ::ffff:a.b.c.d}). */
    private static byte[] ipv6(InetAddress address) {
        byte[] raw = address.getAddress();
        if (raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /** Chunks of vendor 0 (generic), written in order. */
    private static final class Chunks {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        void u8(int type, int value) {
            bytes(type, new byte[] {(byte) value});
        }

        void u16(int type, int value) {
            bytes(type, new byte[] {(byte) (value >>> 8), (byte) value});
        }

        void u32(int type, long value) {
            bytes(type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        }

        void bytes(int type, byte[] payload) {
            int length = 6 + payload.length;
            out.write(0);
            out.write(0);
            out.write(type >>> 8);
            out.write(type);
            out.write(length >>> 8);
            out.write(length);
            out.writeBytes(payload);
        }
    }
}
