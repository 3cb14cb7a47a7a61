package io.sentral.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A minimal Homer collector for tests: receives HEP v3 packets on a loopback UDP port and decodes
 * their chunks, refusing anything that is not well-formed HEP v3 (magic, total length, chunk
 * lengths) so that a test sees exactly what a collector would.
 */
public final class HepCollector implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<Packet> packets = new CopyOnWriteArrayList<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();
    private final Thread receiver;

    /** One decoded HEP v3 packet: its chunks by type (vendor 0). */
    public record Packet(Map<Integer, byte[]> chunks) {
        public Packet {
            chunks = Map.copyOf(chunks);
        }

        public byte[] chunk(int type) {
            byte[] value = chunks.get(type);
            if (value == null) {
                throw new AssertionError("HEP packet without chunk " + type + ": has " + chunks.keySet());
            }
            return value.clone();
        }

        public boolean has(int type) {
            return chunks.containsKey(type);
        }

        public long number(int type) {
            long value = 0;
            for (byte b : chunk(type)) {
                value = value << 8 | (b & 0xff);
            }
            return value;
        }

        public String text(int type) {
            return new String(chunk(type), StandardCharsets.UTF_8);
        }

        /** Chunk 15: the SIP message. */
        public String payload() {
            return text(15);
        }

        /** Chunk 17, if present. */
        public Optional<String> correlationId() {
            return has(17) ? Optional.of(text(17)) : Optional.empty();
        }

        public InetSocketAddress source() {
            return address(has(3) ? 3 : 5, 7);
        }

        public InetSocketAddress destination() {
            return address(has(4) ? 4 : 6, 8);
        }

        public Instant timestamp() {
            return Instant.ofEpochSecond(number(9), number(10) * 1000);
        }

        /** The SIP message's first line. */
        public String firstLine() {
            String payload = payload();
            int end = payload.indexOf("\r\n");
            return end < 0 ? payload : payload.substring(0, end);
        }

        /** The value of SIP header {@code name} (full form) in the payload. */
        public String header(String name) {
            for (String line : payload().split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            throw new AssertionError("no " + name + " header in " + firstLine());
        }

        private InetSocketAddress address(int ipChunk, int portChunk) {
            try {
                return new InetSocketAddress(InetAddress.getByAddress(chunk(ipChunk)), (int) number(portChunk));
            } catch (IOException e) {
                throw new AssertionError("bad address chunk " + ipChunk, e);
            }
        }
    }

    public HepCollector() {
        try {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setSoTimeout(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver = new Thread(this::receive, "hep-collector");
        receiver.setDaemon(true);
        receiver.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Packets received so far, in arrival order. */
    public List<Packet> packets() {
        return List.copyOf(packets);
    }

    /** Datagrams that were not valid HEP v3, with the reason. */
    public List<String> malformed() {
        return List.copyOf(malformed);
    }

    /** Waits until a packet matching {@code wanted} has arrived. */
    public Packet await(Predicate<Packet> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Packet> found = packets.stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching HEP packet within " + timeout + "; got "
                + packets.stream().map(Packet::firstLine).toList());
    }

    /** Decodes one datagram; throws IllegalArgumentException naming what is wrong. */
    public static Packet decode(byte[] datagram) {
        ByteBuffer in = ByteBuffer.wrap(datagram);
        if (datagram.length < 6 || !"HEP3".equals(new String(datagram, 0, 4, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("no HEP3 magic");
        }
        in.position(4);
        int total = Short.toUnsignedInt(in.getShort());
        if (total != datagram.length) {
            throw new IllegalArgumentException("total length " + total + " but datagram of " + datagram.length);
        }
        Map<Integer, byte[]> chunks = new HashMap<>();
        while (in.hasRemaining()) {
            if (in.remaining() < 6) {
                throw new IllegalArgumentException("truncated chunk header");
            }
            int vendor = Short.toUnsignedInt(in.getShort());
            int type = Short.toUnsignedInt(in.getShort());
            int length = Short.toUnsignedInt(in.getShort());
            if (length < 6 || length - 6 > in.remaining()) {
                throw new IllegalArgumentException("chunk " + type + " claims length " + length);
            }
            byte[] value = new byte[length - 6];
            in.get(value);
            if (vendor == 0) {
                chunks.put(type, value);
            }
        }
        return new Packet(chunks);
    }

    private void receive() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            byte[] bytes = Arrays.copyOf(datagram.getData(), datagram.getLength());
            try {
                packets.add(decode(bytes));
            } catch (IllegalArgumentException e) {
                malformed.add(e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For failure messages: every packet's direction and first line. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Packet p : packets) {
            lines.add(p.source() + " -> " + p.destination() + " " + p.firstLine());
        }
        return lines;
    }
}
