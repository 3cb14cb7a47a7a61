package io.sentral.sip.b2bua;

/** The two legs of a B2BUA call: A (incoming, the caller) and B (outgoing, the callee). */
public enum Side {
    A, B;

    public Side other() {
        return this == A ? B : A;
    }
}
