package io.sentral.sip.trace;

import io.sentral.core.trace.TracedMessage;
import io.sentral.core.trace.WireTap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every SIP message to a Homer/heplify collector as HEP v3 over UDP (N3). Sending never
 * blocks a SIP thread: the socket is non-blocking, and a packet the kernel cannot take at once is
 * dropped and counted, as is one too large for a datagram.
 */
public final class HepExporter implements WireTap, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HepExporter.class);

    private final InetSocketAddress collector;
    private final int captureId;
    private final Optional<String> authKey;
    private final DatagramChannel channel;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public HepExporter(InetSocketAddress collector, int captureId, Optional<String> authKey) throws IOException {
        if (collector.isUnresolved()) {
            throw new IOException("cannot resolve the HEP collector " + collector.getHostString());
        }
        this.collector = collector;
        this.captureId = captureId;
        this.authKey = authKey;
        this.channel = DatagramChannel.open();
        channel.configureBlocking(false);
        LOG.info("exporting SIP messages as HEP v3 to {}:{} (capture id {})", collector.getHostString(),
                collector.getPort(), captureId);
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void observe(TracedMessage message, String correlationId) {
        Optional<byte[]> packet = HepPacket.encode(message, correlationId, captureId, authKey);
        if (packet.isEmpty()) {
            dropped.incrementAndGet();
            return;
        }
        try {
            if (channel.send(ByteBuffer.wrap(packet.get()), collector) > 0) {
                sent.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        } catch (IOException e) {
            dropped.incrementAndGet();
            LOG.debug("HEP packet to {} not sent: {}", collector, e.toString());
        }
    }

    /** Packets handed to the network. */
    public long sent() {
        return sent.get();
    }

    /** Packets not sent: socket buffer full, collector unreachable, or too large. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
