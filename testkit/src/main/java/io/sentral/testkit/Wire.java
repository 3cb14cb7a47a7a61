package io.sentral.testkit;

import java.net.InetSocketAddress;

/**
 * The socket under a {@link SipTestAgent}: sends raw messages and feeds received ones, with their
 * source address, to a {@link Receiver} from its own reader thread.
 */
interface Wire extends AutoCloseable {

    /** Gets what the reader thread received. Must not throw. */
    interface Receiver {
        void onMessage(byte[] message, InetSocketAddress source);

        /** Something arrived or happened that is not a message (garbage, connection lost). */
        void onProblem(String description);
    }

    /** Starts the reader thread. */
    void start(Receiver receiver);

    /** The bound local address (with the real port when 0 was asked for). */
    InetSocketAddress local();

    /** {@code UDP} or {@code TCP}, as written in Via. */
    String transport();

    /** Sends one message; a connection-oriented wire ignores {@code to} and writes to its peer. */
    void send(byte[] message, InetSocketAddress to);

    @Override
    void close();
}
