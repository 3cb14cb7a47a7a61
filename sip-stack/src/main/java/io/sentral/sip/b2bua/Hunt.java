package io.sentral.sip.b2bua;

import java.util.Optional;
import javax.sip.message.Response;

/**
 * How a {@link B2buaCall} looks for someone to answer: one strategy per kind of route plan —
 * {@link SerialHunt} (trunks and gateways, one after the other), {@link ParallelHunt} (all of a
 * user's devices at once, then forwarding) and {@link QueueHunt} (agents as the queue engine
 * offers the call). The call owns the legs and the bridge; the hunt decides what to do with each
 * branch's outcome. Runs on the call's lane.
 */
sealed interface Hunt permits SerialHunt, ParallelHunt, QueueHunt {

    void start();

    /** A provisional response other than 100 on a live branch. */
    void onProvisional(Branch branch, Response response);

    /** A branch's device answered (its 2xx is in {@link Branch#answer}); nobody is connected yet. */
    void onAnswered(Branch branch);

    /** A branch ended without answer: a final non-2xx response, or silence / a timeout (empty). */
    void onFailed(Branch branch, Optional<Response> response);

    /** The caller cancelled or hung up before anyone was connected; the call cancels the branches. */
    default void onCallerGone() {
    }

    /** The call is over (connected or not). */
    default void onEnded(boolean wasConnected) {
    }
}
