package io.sentral.core.call;

/**
 * Port: what the SIP edge counts about signalling itself (N1: SIP traffic, security), for metrics.
 * Arguments are bounded label values: a method name, a status code, the kind of request that
 * failed authentication. Called on SIP threads: implementations only count.
 */
public interface SignallingEvents {

    /** A request arrived (retransmissions included), e.g. {@code INVITE}. */
    void requestReceived(String method);

    /** Sentral sent a response with this status. */
    void responseSent(int status);

    /** Credentials were wrong for a {@code REGISTER} or an {@code INVITE} (answered 403). */
    void authenticationFailed(String method);

    /**
     * A request has been handled: {@code took} runs from its arrival at the SIP listener to the end
     * of its handling on its call's lane, so a lane that falls behind shows here first.
     */
    default void requestProcessed(String method, java.time.Duration took) {
    }

    /**
     * A request Sentral sent on a client transaction got its final response after {@code took}
     * (a peer's answer time for BYE or OPTIONS; for INVITE the whole ringing time).
     */
    default void transactionCompleted(String method, java.time.Duration took) {
    }

    /** A request could not be parsed or lacked required headers (answered 400). */
    void malformed();

    /** Nothing is counted (tests, tools). */
    SignallingEvents NONE = new SignallingEvents() {
        @Override
        public void requestReceived(String method) {
        }

        @Override
        public void responseSent(int status) {
        }

        @Override
        public void authenticationFailed(String method) {
        }

        @Override
        public void malformed() {
        }
    };
}
