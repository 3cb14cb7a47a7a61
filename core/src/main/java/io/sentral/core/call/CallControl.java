package io.sentral.core.call;

/**
 * Port: server-side commands on live calls, for the web switchboard (S8, S16). Implemented by the
 * SIP edge; every method returns at once and the outcome arrives as call events.
 */
public interface CallControl {

    /** How the agent's leg is released in a server-side transfer. */
    enum TransferMode {
        /** The agent is released at once; the caller waits until the target answers. */
        BLIND,
        /** The agent stays with the caller until the target answers, then is released. */
        ATTENDED
    }

    /** What became of a transfer command. */
    sealed interface TransferResult {
        /** The transfer has started; its end shows in the call's events. */
        record Started(String callId, String target) implements TransferResult {
        }

        /** Refused at once: no such connected call, a transfer already running, or not a switchboard call. */
        record Refused(String reason) implements TransferResult {
        }
    }

    /**
     * Transfers the party on the other side of the agent (the switchboard user who answered the
     * call {@code callId}) to {@code target}: an extension, a customer number or a public number.
     */
    TransferResult transfer(String callId, String target, TransferMode mode);
}
