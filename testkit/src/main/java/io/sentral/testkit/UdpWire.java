package io.sentral.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/** A UDP socket on one local address: one datagram is one message (RFC 3261 §18.3). */
final class UdpWire implements Wire {
    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private Thread reader;

    UdpWire(String ip, int port) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(ip, port));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot bind UDP " + ip + ":" + port, e);
        }
    }

    @Override
    public void start(Receiver receiver) {
        reader = Thread.ofPlatform().daemon().name("sip-agent-udp-" + local()).start(() -> read(receiver));
    }

    private void read(Receiver receiver) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    receiver.onProblem("UDP receive failed: " + e);
                }
                return;
            }
            byte[] data = Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength());
            receiver.onMessage(data, (InetSocketAddress) packet.getSocketAddress());
        }
    }

    @Override
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return "UDP";
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(message, message.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to " + to, e);
        }
    }

    @Override
    public void close() {
        socket.close();
        Joins.join(reader);
    }
}
