package io.sentral.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One TCP (or TLS) connection from a local address to a server; messages are framed by
 * Content-Length ({@link StreamFramer}). Everything is sent on this connection, whatever the destination, as a
 * UA behind one connection does (RFC 3261 §18.1.1 reuses it; responses come back on it, §18.2.2).
 */
final class TcpWire implements Wire {
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final Socket socket;
    private final InetSocketAddress remote;
    private final String transport;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private Thread reader;

    /** @param tls when present, TLS over the connection with this client context */
    TcpWire(String localIp, String serverHost, int serverPort, Optional<SSLContext> tls) {
        this.remote = new InetSocketAddress(serverHost, serverPort);
        this.transport = tls.isPresent() ? "TLS" : "TCP";
        try {
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            plain.bind(new InetSocketAddress(localIp, 0));
            plain.connect(remote, CONNECT_TIMEOUT_MILLIS);
            if (tls.isPresent()) {
                SSLSocket secure = (SSLSocket) tls.get().getSocketFactory()
                        .createSocket(plain, serverHost, serverPort, true);
                secure.startHandshake();
                this.socket = secure;
            } else {
                this.socket = plain;
            }
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect " + transport + " from " + localIp + " to " + remote, e);
        }
    }

    @Override
    public void start(Receiver receiver) {
        reader = Thread.ofPlatform().daemon().name("sip-agent-tcp-" + local()).start(() -> read(receiver));
    }

    private void read(Receiver receiver) {
        StreamFramer framer = new StreamFramer();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (byte[] frame : framer.feed(buffer, 0, n)) {
                    receiver.onMessage(frame, remote);
                }
            }
            if (!socket.isClosed()) {
                receiver.onProblem(transport + " connection closed by " + remote);
            }
        } catch (IOException | IllegalStateException e) {
            if (!socket.isClosed()) {
                receiver.onProblem(transport + " connection to " + remote + " failed: " + e);
            }
        }
    }

    InetSocketAddress remote() {
        return remote;
    }

    @Override
    public InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) {
        synchronized (writeLock) {
            try {
                out.write(message);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + remote, e);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Joins.join(reader);
    }
}
