package io.sentral.sip.b2bua;

import io.sentral.core.switchboard.UserId;
import java.util.Optional;
import javax.sip.Dialog;

/**
 * A transfer in progress on a {@link B2buaCall} (S8): who hands the other party on, from which
 * leg, where to, and the REFER subscription to report progress on (RFC 3515 NOTIFY with
 * message/sipfrag; absent for a server-side transfer).
 */
final class Transfer {
    final UserId by;
    final Side transferorSide;
    final Dialog transferorDialog;
    final Optional<Dialog> subscription;
    final String target;
    boolean transferorGone;
    /** The queue or direct-call bookkeeping of the transferring user has been closed. */
    boolean agentReleased;

    Transfer(UserId by, Side transferorSide, Dialog transferorDialog, Optional<Dialog> subscription, String target) {
        this.by = by;
        this.transferorSide = transferorSide;
        this.transferorDialog = transferorDialog;
        this.subscription = subscription;
        this.target = target;
    }

    Side transfereeSide() {
        return transferorSide == Side.A ? Side.B : Side.A;
    }
}
