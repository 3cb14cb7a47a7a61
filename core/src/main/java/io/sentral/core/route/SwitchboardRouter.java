package io.sentral.core.route;

import io.sentral.core.call.Diversion;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.UserId;

/**
 * Port: the decisions a switchboard call needs after its first route — pure, like
 * {@link CallRouter}. Every answer is a {@link RoutePlan} the edge executes as it would a new
 * call's: {@link RoutePlan.RingUser}, {@link RoutePlan.JoinQueue}, {@link RoutePlan.Forward} to
 * the public network, or {@link RoutePlan.Reject} (nothing configured, a forwarding loop, an
 * unknown target).
 */
public interface SwitchboardRouter {

    /**
     * The user could not take the call ({@code condition}: all devices busy, no answer in time):
     * where the user's forwarding sends it (S7), with a diversion added; a Reject when the user
     * forwards nowhere for that condition or the call has been diverted too often.
     */
    RoutePlan divert(RedirectedCall call, UserId user, Forwarding.DivertCondition condition);

    /**
     * Send the call to {@code target} (a queue's overflow, S4), recording {@code diversion}.
     */
    RoutePlan redirect(RedirectedCall call, CallTarget target, Diversion diversion);

    /**
     * Ring one agent's devices for a queue call (S2): a {@link RoutePlan.RingUser} without
     * forwarding (queue offers are never forwarded), or a Reject when no device is registered.
     */
    RoutePlan offer(RedirectedCall call, UserId agent);

    /**
     * Where a transfer to {@code dialled} goes (S8): an extension or a number of the customer (a
     * user or a queue), or a number of the public network. {@code by} is the user transferring.
     */
    RoutePlan transfer(RedirectedCall call, UserId by, String dialled);
}
