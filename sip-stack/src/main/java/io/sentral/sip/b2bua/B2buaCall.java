package io.sentral.sip.b2bua;

import io.sentral.config.SipSettings;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.Diversion;
import io.sentral.core.call.EndCause;
import io.sentral.core.number.E164Number;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import io.sentral.sip.emergency.CallerLocation;
import io.sentral.sip.internal.SipContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One B2BUA call: the incoming leg A and the outgoing branches placed for it, of which one is
 * bridged to A once it answers. Who is rung, and in which order, is the {@link Hunt}'s business
 * (serial failover, a user's devices in parallel, a queue's agents); the call owns the legs:
 * provisional and final responses to A, ACK, BYE, CANCEL, and in-dialog requests (re-INVITE,
 * UPDATE, INFO) relayed between A and the connected branch; SDP passes through untouched. A plan
 * may be followed by another (forwarding, overflow) while A waits. All methods run on the call's
 * lane; see {@link CallState} for the state table.
 */
public final class B2buaCall {
    private static final Logger LOG = LoggerFactory.getLogger(B2buaCall.class);
    static final String COMPLETED_ELSEWHERE = "SIP;cause=200;text=\"Call completed elsewhere\"";

    final CallServices services;
    final SipContext sip;
    private final ServerTransaction aInvite;
    private final Request aRequest;
    Dialog aDialog;
    private final String aTag = SipContext.newTag();
    final String aCallId;
    private final Optional<CallerLocation> location;
    final int lane;
    private final OutgoingInvite invites;
    final CallTransfers transfers = new CallTransfers(this);
    final List<Branch> branches = new ArrayList<>();

    RoutePlan firstPlan;
    private CallDirection direction;
    private Optional<TenantId> tenant = Optional.empty();
    private Optional<TrunkId> trunk = Optional.empty();
    CallerIdentity caller;
    Optional<E164Number> callerNumber = Optional.empty();
    private final List<Diversion> diversions = new ArrayList<>();
    /** Dialogs of other calls that joined this one by attended transfer. */
    final List<Dialog> joinedDialogs = new ArrayList<>();

    CallState state = CallState.CALLING;
    Hunt hunt;
    Dialog bDialog;
    /** The switchboard users on either leg, if any: they may transfer (S8). */
    final Optional<UserId> aUser;
    Optional<UserId> bUser = Optional.empty();
    Transfer transfer;
    private boolean queuedSent;
    private DeferredAck deferredAck;
    /** The records of the legs placed onward to the public network that are still open, oldest first. */
    private final List<OnwardLeg> onwardLegs = new ArrayList<>();
    private int onwardCount;
    /** Whether {@link #aUser} is reported on this call (S10 busy, and no queue offers meanwhile). */
    private boolean callerUserBusy;

    /**
     * A leg Sentral places to a public number for this call — forwarding (S6, S7), overflow (S4) or
     * a transfer (S8): it gets a call record of its own, so that R1 rates it forwarded/transferred
     * from its answer while the call's own record keeps its category (an inbound call stays free).
     */
    private static final class OnwardLeg {
        final String callId;
        boolean answered;

        OnwardLeg(String callId) {
            this.callId = callId;
        }
    }

    /** A 2xx to an INVITE whose offer came in the response: its ACK carries the answer (RFC 3264). */
    private record DeferredAck(Side waitingFor, Dialog target, long cseq) {
    }

    /** @param callerUser the switchboard user whose device placed the call, if one did */
    B2buaCall(CallServices services, ServerTransaction aInvite, Dialog aDialog, RoutePlan plan,
              Optional<CallerLocation> location, Optional<UserId> callerUser) {
        this.aUser = callerUser;
        this.services = services;
        this.sip = services.sip();
        this.aInvite = aInvite;
        this.aRequest = aInvite.getRequest();
        this.aDialog = aDialog;
        this.aCallId = ((CallIdHeader) aRequest.getHeader(CallIdHeader.NAME)).getCallId();
        this.firstPlan = plan;
        this.location = location;
        this.lane = sip.lanes().laneOf(aCallId);
        this.invites = new OutgoingInvite(sip, aRequest, lane);
        aDialog.setApplicationData(new LegRef(this, Side.A));
        adoptIdentity(plan);
    }

    public String callId() {
        return aCallId;
    }

    public CallState state() {
        return state;
    }

    CallServices services() {
        return services;
    }

    SipSettings settings() {
        return sip.settings();
    }

    /** Puts this call's Call-ID, tenant and trunk into the log MDC of the current lane thread. */
    void enterLogContext() {
        MDC.put("callId", aCallId);
        tenant.ifPresent(t -> MDC.put("tenant", t.value()));
        trunk.ifPresent(t -> MDC.put("trunk", t.value()));
    }

    void start(String source) {
        services.registry().add(aCallId, this);
        // a call forwarded at once (always, absence) is recorded as the call to the user it was for
        String callee = firstPlan instanceof RoutePlan.Forward f && isOnward(f)
                ? f.diversions().getFirst().divertingNumber() : requestUserOf(firstPlan);
        services.events().onEvent(new CallEvent.Started(aCallId, services.clock().instant(), direction, tenant, trunk,
                caller.fromUser(), callee, source, aUser,
                firstPlan instanceof RoutePlan.RingUser ring ? Optional.of(ring.user()) : Optional.empty()));
        // the user whose device places the call is busy with it, from dialling until it ends (S10)
        aUser.ifPresent(user -> {
            callerUserBusy = true;
            services.queues().agentOnOtherCall(user, true);
        });
        execute(firstPlan);
    }

    /** The calling user's part of the call is over: the call ended, or the user transferred it away. */
    void releaseCallerUser() {
        if (callerUserBusy) {
            callerUserBusy = false;
            services.queues().agentOnOtherCall(aUser.orElseThrow(), false);
        }
    }

    // ---- plans and hunts ----------------------------------------------------------------------

    /** Follows a (further) route plan while A waits: the first one, a forwarding, an overflow. */
    void execute(RoutePlan plan) {
        if (state == CallState.ENDED || state == CallState.CANCELLING) {
            return;
        }
        switch (plan) {
            case RoutePlan.Reject reject -> fail(reject.status(), reject.reason(), Optional.empty(), false);
            case RoutePlan.Forward forward -> {
                addDiversions(forward.diversions());
                if (isOnward(forward)) {
                    openOnward(forward);
                }
                useHunt(new SerialHunt(this, forward));
            }
            case RoutePlan.RingUser ring -> {
                addDiversions(ring.diversions());
                useHunt(new ParallelHunt(this, ring));
            }
            case RoutePlan.JoinQueue join -> {
                addDiversions(join.diversions());
                callerNumber = callerNumber.or(join::callerNumber);
                useHunt(new QueueHunt(this, join, Optional.empty(), List.of()));
            }
        }
    }

    /** A forward to the public network that passes the call on: after a diversion, or for a transfer. */
    private boolean isOnward(RoutePlan.Forward forward) {
        return forward.tenant().isPresent() && (!forward.diversions().isEmpty() || transfer != null);
    }

    /**
     * Opens the record of a new onward leg. An earlier one stays open: its party can only be the
     * transferee (an onward party is never a switchboard user, so it cannot transfer), and stays.
     */
    private void openOnward(RoutePlan.Forward forward) {
        OnwardLeg leg = new OnwardLeg(aCallId + ";onward=" + ++onwardCount);
        onwardLegs.add(leg);
        services.events().onEvent(new CallEvent.Started(leg.callId, services.clock().instant(),
                CallDirection.OUTBOUND, forward.tenant(), Optional.empty(), forward.callerUser(),
                forward.requestUser(), CallRecord.onwardSource(aCallId)));
    }

    /** The newest onward leg's number answered and is connected with the caller. */
    void onwardAnswered() {
        if (!onwardLegs.isEmpty() && !onwardLegs.getLast().answered) {
            onwardLegs.getLast().answered = true;
            services.events().onEvent(new CallEvent.Answered(onwardLegs.getLast().callId, services.clock().instant()));
        }
    }

    /** A transfer failed: the onward leg it was trying, if any, is over unanswered. */
    void closeUnansweredOnward(int status, EndCause cause) {
        if (!onwardLegs.isEmpty() && !onwardLegs.getLast().answered) {
            endLeg(onwardLegs.removeLast(), status, cause);
        }
    }

    /** The call is over, and so are all its onward legs. */
    void closeOnwardLegs(int status, EndCause cause) {
        while (!onwardLegs.isEmpty()) {
            endLeg(onwardLegs.removeFirst(), status, cause);
        }
    }

    private void endLeg(OnwardLeg leg, int status, EndCause cause) {
        services.events().onEvent(new CallEvent.Ended(leg.callId, services.clock().instant(), status, cause));
    }

    void useHunt(Hunt next) {
        hunt = next;
        next.start();
    }

    /** Plans carry the whole chain so far; only the redirections not yet known are added. */
    void addDiversions(List<Diversion> chain) {
        if (chain.size() > diversions.size()) {
            diversions.addAll(chain.subList(diversions.size(), chain.size()));
        }
    }

    RedirectedCall redirected() {
        return new RedirectedCall(aCallId, direction, tenant.orElseThrow(), caller, callerNumber, diversions);
    }

    Optional<QueueHunt> queueHunt() {
        return hunt instanceof QueueHunt q ? Optional.of(q) : Optional.empty();
    }

    private void adoptIdentity(RoutePlan plan) {
        switch (plan) {
            case RoutePlan.Forward f -> {
                direction = f.direction();
                tenant = f.tenant();
                trunk = f.trunk();
                caller = f.caller();
            }
            case RoutePlan.RingUser r -> {
                direction = r.direction();
                tenant = Optional.of(r.tenant());
                caller = r.caller();
            }
            case RoutePlan.JoinQueue j -> {
                direction = j.direction();
                tenant = Optional.of(j.tenant());
                caller = j.caller();
                callerNumber = j.callerNumber();
            }
            case RoutePlan.Reject r -> throw new IllegalArgumentException("a call is not started for a reject");
        }
        if (callerNumber.isEmpty() && caller.fromUser().startsWith("+")) {
            try {
                callerNumber = Optional.of(E164Number.of(caller.fromUser()));
            } catch (IllegalArgumentException notANumber) {
                callerNumber = Optional.empty();
            }
        }
    }

    static String requestUserOf(RoutePlan plan) {
        return switch (plan) {
            case RoutePlan.Forward f -> f.requestUser();
            case RoutePlan.RingUser r -> r.requestUser();
            case RoutePlan.JoinQueue j -> j.requestUser();
            case RoutePlan.Reject r -> "";
        };
    }

    // ---- branches -----------------------------------------------------------------------------

    /**
     * Sends one outgoing INVITE. With {@code silenceFailover} the branch is given up when it has
     * not answered at all within the gateway timeout (DEMO.md, 2 s). Empty when it could not be sent.
     */
    Optional<Branch> place(OutgoingInvite.Target target, Optional<UserId> user, boolean silenceFailover) {
        try {
            Request invite = invites.build(target, caller, diversions, location, services.locationFormats(),
                    transfer != null);
            String bCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            ClientTransaction ct = sip.provider().getNewClientTransaction(invite);
            ct.setApplicationData(this);
            Dialog dialog = sip.provider().getNewDialog(ct);
            dialog.setApplicationData(new LegRef(this, Side.B));
            services.registry().add(bCallId, this);
            Branch branch = new Branch(ct, dialog, target.destination(), user);
            branches.add(branch);
            LOG.info("call {} -> {} via {}", caller.fromUser(), target.destination().uri(), target.destination().label());
            sip.send(ct);
            if (silenceFailover) {
                branch.silenceTimer = schedule(sip.settings().gatewayTimeout(), () -> onSilence(branch));
            }
            return Optional.of(branch);
        } catch (Exception e) {
            LOG.warn("could not reach {} for call {}: {}", target.destination().label(), aCallId, e.toString());
            return Optional.empty();
        }
    }

    ScheduledFuture<?> schedule(Duration delay, Runnable work) {
        return sip.lanes().schedule(lane, delay, () -> {
            enterLogContext();
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        });
    }

    boolean hasRingingBranches() {
        return branches.stream().anyMatch(Branch::ringing);
    }

    boolean hasLiveBranchOf(UserId agent) {
        return branches.stream().anyMatch(b -> b.isFor(agent) && !b.done);
    }

    Optional<Branch> answeredBranchOf(UserId agent) {
        return branches.stream().filter(b -> b.isFor(agent) && !b.done && b.answer != null).findFirst();
    }

    boolean isUnanswered() {
        return state == CallState.CALLING || state == CallState.EARLY;
    }

    /** Still looking for someone to answer: before the first answer, or for a transfer's target. */
    boolean isHunting() {
        return isUnanswered() || (state == CallState.CONFIRMED && transfer != null);
    }

    /** Stops ringing every device still ringing (the caller left, nobody answered in time). */
    void cancelRinging(Optional<String> reason) {
        for (Branch branch : List.copyOf(branches)) {
            if (branch.ringing()) {
                cancel(branch, reason);
            }
        }
    }

    /** Cancels the agent's ringing devices and hangs up those that answered but were not connected. */
    void releaseBranchesOf(UserId agent, Optional<String> reason) {
        for (Branch branch : List.copyOf(branches)) {
            if (branch.isFor(agent)) {
                release(branch, reason);
            }
        }
    }

    void releaseAllBranches() {
        for (Branch branch : List.copyOf(branches)) {
            release(branch, Optional.empty());
        }
    }

    void release(Branch branch, Optional<String> reason) {
        if (branch.ringing()) {
            cancel(branch, reason);
        } else if (!branch.done && branch.answer != null && branch.dialog != bDialog) {
            branch.done = true;
            ackAndBye(branch.dialog, branch.answer, branch.acked);
        }
    }

    private void cancel(Branch branch, Optional<String> reason) {
        branch.done = true;
        branch.stopSilenceTimer();
        if (!branch.provisionalSeen) {
            // RFC 3261 §9.1: a CANCEL may only follow a provisional response; send it when one comes
            branch.cancelWhenProvisional = true;
            branch.cancelReason = reason;
            return;
        }
        sendCancel(branch, reason);
    }

    private void sendCancel(Branch branch, Optional<String> reason) {
        attempt("CANCEL " + branch.destination.label(), () -> {
            Request cancel = branch.tx.createCancel();
            if (reason.isPresent()) {
                cancel.addHeader(sip.headers().createHeader("Reason", reason.get()));
            }
            sip.send(sip.provider().getNewClientTransaction(cancel));
        });
    }

    private void onSilence(Branch branch) {
        if (branch.done || branch.provisionalSeen || state == CallState.ENDED) {
            return;
        }
        branch.done = true;
        abandon(branch.tx);
        if (state == CallState.CANCELLING) {
            finishWhenQuiet();
            return;
        }
        hunt.onFailed(branch, Optional.empty());
    }

    private static void abandon(ClientTransaction tx) {
        try {
            tx.terminate();
        } catch (Exception e) {
            LOG.debug("terminating abandoned transaction: {}", e.toString());
        }
    }

    /** JAIN-SIP timed out a transaction of this call (Timer B/F). */
    void onTimeout(ClientTransaction tx) {
        Optional<Branch> branch = branchOf(tx);
        if (branch.isPresent() && branch.get().cancelWhenProvisional) {
            // cancelled before it ever answered, and it never did: nothing left to cancel
            branch.get().cancelWhenProvisional = false;
            finishWhenQuiet();
        } else if (branch.isPresent()) {
            if (!branch.get().done && !branch.get().provisionalSeen) {
                branch.get().stopSilenceTimer();
                onSilence(branch.get());
            } else if (!branch.get().done && branch.get().answer == null) {
                branch.get().done = true;
                if (isHunting()) {
                    hunt.onFailed(branch.get(), Optional.empty());
                }
            }
        } else if (tx.getApplicationData() instanceof InDialogRelay relay) {
            sip.answer(relay.origin(), Response.REQUEST_TIMEOUT, null);
        }
    }

    private Optional<Branch> branchOf(ClientTransaction tx) {
        return branches.stream().filter(b -> b.tx == tx).findFirst();
    }

    // ---- responses from the branches ----------------------------------------------------------

    void onInviteResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        Optional<Branch> found = branchOf(event.getClientTransaction());
        if (found.isEmpty()) {
            return;
        }
        Branch branch = found.get();
        if (status < 200) {
            branch.provisionalSeen = true;
            branch.stopSilenceTimer();
            if (branch.cancelWhenProvisional) {
                branch.cancelWhenProvisional = false;
                sendCancel(branch, branch.cancelReason);
                return;
            }
            if (status != Response.TRYING && !branch.done && isHunting()) {
                hunt.onProvisional(branch, response);
            }
            return;
        }
        branch.stopSilenceTimer();
        if (status < 300) {
            Dialog dialog = event.getDialog() != null ? event.getDialog() : branch.dialog;
            if (branch.answer != null && !branch.done) {
                // a retransmission of the answer we hold: its ACK goes out once the call is joined
                return;
            }
            if (branch.done || !isHunting()) {
                LOG.info("late answer from {} for call {}: releasing it", branch.destination.label(), aCallId);
                branch.done = true;
                ackAndBye(dialog, response, false);
                finishWhenQuiet();
                return;
            }
            branch.answer = response;
            hunt.onAnswered(branch);
            return;
        }
        boolean wasLive = !branch.done;
        branch.done = true;
        if (state == CallState.CANCELLING) {
            finishWhenQuiet();
        } else if (wasLive && isHunting()) {
            hunt.onFailed(branch, Optional.of(response));
        }
    }

    // ---- what the hunts do to A ---------------------------------------------------------------

    void relayProvisional(Response response) {
        if (transfer != null) {
            return;
        }
        state = CallState.EARLY;
        Response relay = sip.response(aRequest, response.getStatusCode(), response.getReasonPhrase());
        sip.tagTo(relay, aTag);
        relay.setHeader(sip.contact(Messages.transportOf(aRequest)));
        Messages.copyBody(response, relay);
        sip.send(aInvite, relay);
    }

    /** 182 Queued once per call (S2): the caller hears ringback from its own network while it waits. */
    void sendQueued() {
        if (queuedSent || transfer != null) {
            return;
        }
        queuedSent = true;
        state = CallState.EARLY;
        Response queued = sip.response(aRequest, Response.QUEUED, "Queued");
        sip.tagTo(queued, aTag);
        queued.setHeader(sip.contact(Messages.transportOf(aRequest)));
        sip.send(aInvite, queued);
    }

    /**
     * A queue agent's device answered before the engine connected it: acknowledge at once when the
     * caller's offer is already answered (stops 2xx retransmissions); a late offer waits for A's ACK.
     */
    void acknowledgeEarly(Branch branch) {
        // a transfer target got no SDP: its 2xx carries an offer, answered in the ACK after the rejoin
        if (Messages.hasBody(aRequest) && !branch.acked && transfer == null) {
            long cseq = ((CSeqHeader) branch.answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
            attempt("ACK agent", () -> sip.sendAck(branch.dialog, branch.dialog.createAck(cseq)));
            branch.acked = true;
        }
    }

    /** Bridges A to the winning branch: 2xx to A, the other branches cancelled or released. */
    void connect(Branch winner) {
        if (transfer != null) {
            transfers.putThrough(winner);
            return;
        }
        bUser = winner.user;
        Response response = winner.answer;
        bDialog = winner.dialog;
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (Messages.hasBody(aRequest)) {
            if (!winner.acked) {
                attempt("ACK callee", () -> sip.sendAck(winner.dialog, winner.dialog.createAck(cseq)));
                winner.acked = true;
            }
        } else {
            deferredAck = new DeferredAck(Side.A, winner.dialog, cseq);
        }
        Response ok = sip.response(aRequest, response.getStatusCode(), response.getReasonPhrase());
        sip.tagTo(ok, aTag);
        ok.setHeader(sip.contact(Messages.transportOf(aRequest)));
        for (String name : OutgoingInvite.copiedHeaders()) {
            Messages.copyHeaders(response, ok, name);
        }
        Messages.copyBody(response, ok);
        sip.send(aInvite, ok);
        state = CallState.CONFIRMED;
        for (Branch other : List.copyOf(branches)) {
            if (other != winner) {
                release(other, Optional.of(COMPLETED_ELSEWHERE));
            }
        }
        LOG.info("call {} answered by {}", aCallId, winner.destination.label());
        services.events().onEvent(new CallEvent.Answered(aCallId, services.clock().instant()));
        onwardAnswered();
    }

    /**
     * Ends the unanswered call with a final response to A.
     *
     * @param retryAfterFrom a response whose Retry-After is relayed
     * @param exhausted      nobody could be reached (a failure) rather than an answer relayed (a rejection)
     */
    void fail(int status, String reason, Optional<Response> retryAfterFrom, boolean exhausted) {
        if (transfer != null && state == CallState.CONFIRMED) {
            transfers.transferFailed(status, reason);
            return;
        }
        if (!isUnanswered()) {
            return;
        }
        Response relay = sip.response(aRequest, status, reason);
        sip.tagTo(relay, aTag);
        retryAfterFrom.ifPresent(r -> Messages.copyRetryAfter(r, relay));
        sip.send(aInvite, relay);
        releaseAllBranches();
        end(status, exhausted ? EndCause.FAILED : EndCause.REJECTED);
    }

    // ---- requests from A and B ----------------------------------------------------------------

    /** CANCEL from the caller (RFC 3261 §9.2): 200 to the CANCEL, 487 to the INVITE, CANCEL to the branches. */
    void onCancel(ServerTransaction cancelTx) {
        sip.answer(cancelTx, Response.OK, null);
        if (!isUnanswered()) {
            return;
        }
        Response terminated = sip.response(aRequest, Response.REQUEST_TERMINATED, null);
        sip.tagTo(terminated, aTag);
        sip.send(aInvite, terminated);
        callerGone(Response.REQUEST_TERMINATED, EndCause.CANCELLED);
    }

    private void callerGone(int status, EndCause cause) {
        state = CallState.CANCELLING;
        services.events().onEvent(new CallEvent.Ended(aCallId, services.clock().instant(), status, cause));
        closeOnwardLegs(status, cause);
        releaseCallerUser();
        hunt.onCallerGone();
        hunt.onEnded(false);
        releaseAllBranches();
        finishWhenQuiet();
    }

    /** After the caller left: the call is forgotten once no branch can still answer. */
    private void finishWhenQuiet() {
        if (state == CallState.CANCELLING && branches.stream().noneMatch(b -> b.cancelWhenProvisional
                || (!b.done && b.answer == null))) {
            finish();
        }
    }

    void onAck(Request ack) {
        DeferredAck pending = deferredAck;
        if (pending == null) {
            return;
        }
        deferredAck = null;
        attempt("relay ACK", () -> {
            Request relayed = pending.target().createAck(pending.cseq());
            Messages.copyBody(ack, relayed);
            sip.sendAck(pending.target(), relayed);
        });
    }

    /** A request inside the dialog of leg {@code from}. */
    void onInDialogRequest(Side from, ServerTransaction tx) {
        Request request = tx.getRequest();
        String method = request.getMethod();
        if (from == Side.B && !isConnectedLeg(request)) {
            // a device that lost the race, hung up after we released it
            sip.answer(tx, Request.BYE.equals(method) ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    null);
            return;
        }
        if (Request.BYE.equals(method)) {
            onBye(from, tx);
            return;
        }
        if (Request.REFER.equals(method)) {
            transfers.onRefer(from, tx);
            return;
        }
        Dialog target = from == Side.A ? bDialog : aDialog;
        if (state != CallState.CONFIRMED || target == null) {
            sip.answer(tx, Response.REQUEST_PENDING, "Request Pending (call not established)");
            return;
        }
        attempt("relay " + method, () -> {
            Request relayed = target.createRequest(method);
            Messages.copyBody(request, relayed);
            if (Request.INVITE.equals(method)) {
                relayed.setHeader(sip.contact(Messages.transportOf(relayed)));
            }
            ClientTransaction ct = sip.provider().getNewClientTransaction(relayed);
            ct.setApplicationData(new InDialogRelay(this, from, tx, relayed));
            sip.send(target, ct);
        });
    }

    private boolean isConnectedLeg(Request request) {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        return bDialog != null && bDialog.getCallId().getCallId().equals(callId);
    }

    private void onBye(Side from, ServerTransaction tx) {
        sip.answer(tx, Response.OK, null);
        if (state == CallState.ENDED) {
            return;
        }
        if (state == CallState.CONFIRMED && transfer != null && from == transfer.transferorSide) {
            transfers.transferorLeft();
        } else if (state == CallState.CONFIRMED) {
            Dialog other = from == Side.A ? bDialog : aDialog;
            if (transfer == null || !transfer.transferorGone) {
                sendBye(other);
            }
            end(Response.OK, from == Side.A ? EndCause.CALLER_HANGUP : EndCause.CALLEE_HANGUP);
        } else if (from == Side.A && isUnanswered()) {
            callerGone(Response.OK, EndCause.CALLER_HANGUP);
        }
    }

    /** The final response to a request relayed inside the dialog. */
    void onRelayResponse(InDialogRelay relay, ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        Response answer = sip.response(relay.origin().getRequest(), status, response.getReasonPhrase());
        Messages.copyBody(response, answer);
        boolean invite = Request.INVITE.equals(relay.relayed().getMethod());
        if (invite && status < 300) {
            answer.setHeader(sip.contact(Messages.transportOf(relay.origin().getRequest())));
            Dialog target = relay.from() == Side.A ? bDialog : aDialog;
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            if (Messages.hasBody(relay.relayed())) {
                attempt("ACK re-INVITE", () -> sip.sendAck(target, target.createAck(cseq)));
            } else {
                deferredAck = new DeferredAck(relay.from(), target, cseq);
            }
        }
        sip.send(relay.origin(), answer);
    }

    // ---- endings ------------------------------------------------------------------------------

    void sendBye(Dialog dialog) {
        attempt("send BYE", () -> {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            sip.send(dialog, ct);
        });
    }

    private void ackAndBye(Dialog dialog, Response response, boolean alreadyAcked) {
        if (!alreadyAcked) {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            attempt("ACK stray answer", () -> sip.sendAck(dialog, dialog.createAck(cseq)));
        }
        sendBye(dialog);
    }

    void end(int status, EndCause cause) {
        if (state == CallState.ENDED) {
            return;
        }
        boolean wasConnected = state == CallState.CONFIRMED;
        boolean alreadyReported = state == CallState.CANCELLING;
        releaseAllBranches();
        finish();
        if (!alreadyReported) {
            hunt.onEnded(wasConnected);
            services.events().onEvent(new CallEvent.Ended(aCallId, services.clock().instant(), status, cause));
            closeOnwardLegs(status, cause);
        }
        releaseCallerUser();
        LOG.info("call {} ended: {} {}", aCallId, status, cause);
    }

    private void finish() {
        state = CallState.ENDED;
        services.registry().remove(aCallId);
        for (Branch branch : branches) {
            branch.stopSilenceTimer();
            services.registry().remove(branch.dialog.getCallId().getCallId());
        }
        for (Dialog joined : joinedDialogs) {
            String callId = joined.getCallId().getCallId();
            services.registry().remove(callId);
            sip.lanes().forget(callId);
        }
    }

    void attempt(String what, SipAction action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.warn("call {}: could not {}: {}", aCallId, what, e.toString());
        }
    }
}
