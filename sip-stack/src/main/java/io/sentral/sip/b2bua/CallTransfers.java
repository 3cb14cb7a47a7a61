package io.sentral.sip.b2bua;

import io.sentral.core.call.CallControl;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.EndCause;
import io.sentral.core.number.E164Number;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.UserId;
import java.util.List;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The transfers of one {@link B2buaCall} (S8): REFER from a switchboard user's leg (RFC 3515),
 * blind or attended with Replaces (RFC 3891, RFC 5589), and the server-side command of
 * {@link CallControl}. Sentral finds the target through the switchboard router, then joins the
 * transferee with it ({@link Rejoin}, RFC 3725), reports progress to the transferor in NOTIFYs
 * with message/sipfrag, and records the transfer in the call's chain. Runs on the call's lane.
 */
final class CallTransfers {
    private static final Logger LOG = LoggerFactory.getLogger(CallTransfers.class);

    private final B2buaCall call;

    CallTransfers(B2buaCall call) {
        this.call = call;
    }

    /**
     * REFER from a switchboard user's leg (RFC 3515): 202, then NOTIFY with the progress as
     * message/sipfrag. Blind when Refer-To is a plain target; attended when it carries Replaces
     * naming the user's other call (RFC 3891, RFC 5589 §7).
     */
    void onRefer(Side from, ServerTransaction tx) {
        Request refer = tx.getRequest();
        Optional<UserId> by = from == Side.A ? call.aUser : call.bUser;
        if (call.state != CallState.CONFIRMED) {
            call.sip.answer(tx, Response.REQUEST_PENDING, "Request Pending (call not established)");
            return;
        }
        if (call.transfer != null) {
            call.sip.answer(tx, Response.REQUEST_PENDING, "Request Pending (a call.transfer is already in progress)");
            return;
        }
        if (by.isEmpty()) {
            call.sip.answer(tx, Response.FORBIDDEN, "Forbidden (only switchboard users call.transfer calls)");
            return;
        }
        Optional<ReferTarget> target = ReferTarget.of(refer);
        if (target.isEmpty()) {
            call.sip.answer(tx, Response.BAD_REQUEST, "Bad Request (REFER without a usable Refer-To)");
            return;
        }
        Dialog transferorDialog = from == Side.A ? call.aDialog : call.bDialog;
        if (target.get().replacesCallId().isPresent()) {
            Optional<B2buaCall> other = call.services.registry().find(target.get().replacesCallId().get())
                    .filter(c -> c != call);
            if (other.isEmpty()) {
                call.sip.answer(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                        "Call/Transaction Does Not Exist (the call to replace is unknown)");
                return;
            }
            call.sip.answer(tx, Response.ACCEPTED, null);
            call.transfer = new Transfer(by.get(), from, transferorDialog, Optional.of(transferorDialog),
                    target.get().replacesCallId().get());
            notifyTransferor("100 Trying", false);
            publishTransfer(true);
            releaseAgent(call.transfer);
            other.get().transfers.handOver(call, target.get().replacesCallId().get());
            return;
        }
        call.sip.answer(tx, Response.ACCEPTED, null);
        startBlind(by.get(), from, Optional.of(transferorDialog), target.get().user(), false);
    }

    /** A server-side call.transfer of the agent's other party (CallControl, S8/S16). */
    CallControl.TransferResult fromServer(String target, boolean attended) {
        if (call.state != CallState.CONFIRMED || call.transfer != null) {
            return new CallControl.TransferResult.Refused("call " + call.aCallId
                    + " is not connected, or a call.transfer is already running");
        }
        Side agentSide = call.bUser.isPresent() ? Side.B : call.aUser.isPresent() ? Side.A : null;
        if (agentSide == null) {
            return new CallControl.TransferResult.Refused("no switchboard user is on call " + call.aCallId);
        }
        UserId by = agentSide == Side.B ? call.bUser.get() : call.aUser.get();
        startBlind(by, agentSide, Optional.empty(), target, !attended);
        return new CallControl.TransferResult.Started(call.aCallId, target);
    }

    private void startBlind(UserId by, Side from, Optional<Dialog> subscription, String dialled, boolean dropNow) {
        Dialog transferorDialog = from == Side.A ? call.aDialog : call.bDialog;
        Transfer started = new Transfer(by, from, transferorDialog, subscription, dialled);
        RoutePlan plan = call.services.switchboard().transfer(redirectedFrom(started), by, dialled);
        if (plan instanceof RoutePlan.Reject reject) {
            LOG.info("call {}: call.transfer by {} to {} refused: {}", call.aCallId, by, dialled, reject.reason());
            call.transfer = started;
            notifyTransferor(reject.status() + " " + reject.reason(), true);
            call.transfer = null;
            return;
        }
        call.transfer = started;
        notifyTransferor("100 Trying", false);
        publishTransfer(false);
        releaseAgent(started);
        LOG.info("call {}: {} transfers to {} ({})", call.aCallId, by, dialled, plan.rule());
        if (dropNow) {
            transferorLeft();
            call.sendBye(transferorDialog);
        }
        call.execute(plan);
    }

    /** The transferee keeps its identity towards the target: the call.caller, or the callee the user had called. */
    private RedirectedCall redirectedFrom(Transfer t) {
        if (t.transferorSide == Side.B) {
            return call.redirected();
        }
        CallerIdentity callee = CallerIdentity.plain(B2buaCall.requestUserOf(call.firstPlan));
        Optional<E164Number> number = Optional.empty();
        try {
            number = Optional.of(E164Number.of(callee.fromUser()));
        } catch (IllegalArgumentException notANumber) {
            LOG.debug("transferee {} has no E.164 number", callee.fromUser());
        }
        call.caller = callee;
        call.callerNumber = number;
        return call.redirected();
    }

    /** The call.transfer target answered (its offer in the 2xx): join it with the transferee. */
    void putThrough(Branch winner) {
        Transfer t = call.transfer;
        Dialog transferee = t.transfereeSide() == Side.A ? call.aDialog : call.bDialog;
        for (Branch other : List.copyOf(call.branches)) {
            if (other != winner) {
                call.release(other, Optional.of(B2buaCall.COMPLETED_ELSEWHERE));
            }
        }
        new Rejoin(call.sip, call, transferee, winner.dialog, new Rejoin.Outcome() {
            @Override
            public void joined() {
                winner.acked = true;
                completeTransfer(transferee, winner.dialog, winner.user);
            }

            @Override
            public void failed(String why) {
                winner.done = true;
                call.sendBye(winner.dialog);
                transferFailed(Response.SERVER_INTERNAL_ERROR, "Server Internal Error (" + why + ")");
            }
        }).startWithOffer(winner.answer);
    }

    private void completeTransfer(Dialog transferee, Dialog target, Optional<UserId> targetUser) {
        Transfer t = call.transfer;
        call.transfer = null;
        notifyTransfer(t, "200 OK", true);
        if (!t.transferorGone) {
            transferorLeftOf(t);
            call.sendBye(t.transferorDialog);
        }
        if (t.transferorSide == Side.A) {
            call.aDialog = transferee;
            call.aDialog.setApplicationData(new LegRef(call, Side.A));
            call.aUser.ifPresent(u -> LOG.debug("{} left the call by call.transfer", u));
        }
        call.bDialog = target;
        call.bDialog.setApplicationData(new LegRef(call, Side.B));
        call.bUser = targetUser;
        call.onwardAnswered();
        LOG.info("call {}: call.transfer by {} to {} completed", call.aCallId, t.by, t.target);
    }

    void transferFailed(int status, String reason) {
        Transfer t = call.transfer;
        call.transfer = null;
        call.releaseAllBranches();
        call.closeUnansweredOnward(status, EndCause.FAILED);
        notifyTransfer(t, status + " " + reason, true);
        LOG.info("call {}: call.transfer by {} to {} failed: {} {}", call.aCallId, t.by, t.target, status, reason);
        if (t.transferorGone) {
            // nobody left to talk to: release the transferee
            call.sendBye(t.transfereeSide() == Side.A ? call.aDialog : call.bDialog);
            call.end(status, EndCause.FAILED);
        }
    }

    /** The transferor hung up (or was released) while the call.transfer runs: the agent's part is over. */
    void transferorLeft() {
        transferorLeftOf(call.transfer);
    }

    private void transferorLeftOf(Transfer t) {
        t.transferorGone = true;
    }

    /**
     * The transferring user's part of the call is over once the call.transfer starts: a queue agent
     * goes into wrap-up, a user on a direct call is free again (Asterisk ends the agent's queue
     * call on call.transfer too). Done before the target is sought, so that a call.transfer back into the
     * same queue is a new join.
     */
    private void releaseAgent(Transfer t) {
        if (!t.agentReleased) {
            t.agentReleased = true;
            call.hunt.onEnded(true);
            if (t.transferorSide == Side.A) {
                call.releaseCallerUser();
            }
        }
    }

    private void publishTransfer(boolean attended) {
        call.services.events().onEvent(new CallEvent.Transferred(call.aCallId, call.services.clock().instant(), call.transfer.by.value(),
                call.transfer.target, attended));
    }

    private void notifyTransferor(String sipfrag, boolean terminated) {
        notifyTransfer(call.transfer, sipfrag, terminated);
    }

    /** RFC 3515 §2.4.5: the refer subscription's NOTIFY, whose body is the status line of the attempt. */
    private void notifyTransfer(Transfer t, String sipfrag, boolean terminated) {
        if (t.subscription.isEmpty() || t.transferorGone) {
            return;
        }
        Dialog dialog = t.subscription.get();
        call.attempt("NOTIFY call.transfer progress", () -> {
            Request notify = dialog.createRequest(Request.NOTIFY);
            notify.setHeader(call.sip.headers().createEventHeader("refer"));
            notify.setHeader(call.sip.headers().createSubscriptionStateHeader(terminated
                    ? "terminated;reason=noresource" : "active;expires=60"));
            notify.setContent("SIP/2.0 " + sipfrag + "\r\n",
                    call.sip.headers().createContentTypeHeader("message", "sipfrag;version=2.0"));
            call.sip.send(dialog, call.sip.provider().getNewClientTransaction(notify));
        });
    }

    /**
     * Attended call.transfer, second half, on this call's call.lane: the user's leg of this call is replaced,
     * so the party on its other side joins {@code into}'s transferee. This call ends quietly; its
     * remaining leg moves to {@code into}'s call.lane.
     */
    void handOver(B2buaCall into, String replacedCallId) {
        call.sip.lanes().execute(call.aCallId, () -> {
            call.enterLogContext();
            if (call.state != CallState.CONFIRMED || call.transfer != null) {
                into.transfers.runOnLane(() -> into.transfers.transferFailed(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                        "Call/Transaction Does Not Exist (the call to replace is not connected)"));
                return;
            }
            boolean userIsA = call.aCallId.equals(replacedCallId);
            Dialog userLeg = userIsA ? call.aDialog : call.bDialog;
            Dialog remaining = userIsA ? call.bDialog : call.aDialog;
            call.state = CallState.ENDED;
            call.releaseAllBranches();
            call.services.registry().remove(call.aCallId);
            for (Branch branch : call.branches) {
                call.services.registry().remove(branch.dialog.getCallId().getCallId());
            }
            call.hunt.onEnded(true);
            call.releaseCallerUser();
            call.services.events().onEvent(new CallEvent.Ended(call.aCallId, call.services.clock().instant(), Response.OK,
                    EndCause.TRANSFERRED));
            call.closeOnwardLegs(Response.OK, EndCause.TRANSFERRED);
            String remainingCallId = remaining.getCallId().getCallId();
            call.services.registry().add(remainingCallId, into);
            call.sip.lanes().move(remainingCallId, into.lane);
            remaining.setApplicationData(new LegRef(into, Side.B));
            LOG.info("call {} hands its other party over to call {} (attended call.transfer)", call.aCallId, into.aCallId);
            into.transfers.runOnLane(() -> into.transfers.joinAttended(remaining, userLeg));
        });
    }

    void runOnLane(Runnable work) {
        call.sip.lanes().submit(call.lane, () -> {
            call.enterLogContext();
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        });
    }

    /** Attended call.transfer, last step: media between the transferee and the other call's party. */
    void joinAttended(Dialog newParty, Dialog userLegOfOtherCall) {
        if (call.transfer == null || call.state != CallState.CONFIRMED) {
            call.sendBye(newParty);
            call.sendBye(userLegOfOtherCall);
            return;
        }
        call.joinedDialogs.add(newParty);
        Dialog transferee = call.transfer.transfereeSide() == Side.A ? call.aDialog : call.bDialog;
        new Rejoin(call.sip, call, transferee, newParty, new Rejoin.Outcome() {
            @Override
            public void joined() {
                call.sendBye(userLegOfOtherCall);
                completeTransfer(transferee, newParty, Optional.empty());
            }

            @Override
            public void failed(String why) {
                call.sendBye(newParty);
                call.sendBye(userLegOfOtherCall);
                transferFailed(Response.SERVER_INTERNAL_ERROR, "Server Internal Error (" + why + ")");
            }
        }).start();
    }
}
