package io.sentral.sip.b2bua;

import io.sentral.core.route.Destination;
import io.sentral.core.switchboard.UserId;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.message.Response;

/**
 * One outgoing INVITE of a call (RFC 3261 §16.6 calls it a branch of a fork): to one destination,
 * and — when a switchboard user is rung — for one of that user's devices. Lives on the call's lane.
 *
 * <pre>
 * RINGING  --1xx-->                  RINGING (provisionalSeen)
 * RINGING  --2xx-->                  ANSWERED (answer kept until the call is connected or released)
 * RINGING  --non-2xx/silence/CANCEL--> DONE
 * </pre>
 */
final class Branch {
    final ClientTransaction tx;
    final Dialog dialog;
    final Destination destination;
    /** The switchboard user whose device this is, when ringing users and agents. */
    final Optional<UserId> user;

    boolean provisionalSeen;
    /** A CANCEL was wanted before any provisional response: RFC 3261 §9.1 says wait for one. */
    boolean cancelWhenProvisional;
    Optional<String> cancelReason = Optional.empty();
    ScheduledFuture<?> silenceTimer;
    /** The 2xx, once the device answered. */
    Response answer;
    boolean acked;
    boolean done;

    Branch(ClientTransaction tx, Dialog dialog, Destination destination, Optional<UserId> user) {
        this.tx = tx;
        this.dialog = dialog;
        this.destination = destination;
        this.user = user;
    }

    boolean ringing() {
        return !done && answer == null;
    }

    boolean isFor(UserId agent) {
        return user.filter(agent::equals).isPresent();
    }

    void stopSilenceTimer() {
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
            silenceTimer = null;
        }
    }
}
