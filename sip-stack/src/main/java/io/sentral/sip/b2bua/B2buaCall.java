package io.sentral.sip.b2bua;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.call.EndCause;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.sip.emergency.CallerLocation;
import io.sentral.sip.emergency.LocationFormats;
import io.sentral.sip.internal.SipContext;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One B2BUA call: the incoming leg A and an outgoing leg B placed per the {@link RoutePlan},
 * trying the plan's destinations in order (failover on silence, 408 and 5xx). Provisional and
 * final responses, ACK, BYE, CANCEL and in-dialog requests (re-INVITE, UPDATE, INFO) are relayed
 * between the legs; SDP passes through untouched. All methods run on the call's lane; see
 * {@link CallState} for the state table.
 */
public final class B2buaCall {
    private static final Logger LOG = LoggerFactory.getLogger(B2buaCall.class);
    private static final String[] COPIED_HEADERS = {"Allow", "Supported", "Accept", "Session-Expires", "Min-SE"};

    private final SipContext sip;
    private final CallEventListener events;
    private final Clock clock;
    private final CallRegistry registry;
    private final ServerTransaction aInvite;
    private final Request aRequest;
    private final Dialog aDialog;
    private final String aTag = SipContext.newTag();
    private final String aCallId;
    private final RoutePlan.Forward plan;
    private final Optional<CallerLocation> location;
    private final LocationFormats locationFormats;
    private final int lane;

    private CallState state = CallState.CALLING;
    private int attempt = -1;
    private ClientTransaction bInvite;
    private Dialog bDialog;
    private boolean provisionalSeen;
    private boolean cancelWhenProvisional;
    private ScheduledFuture<?> silenceTimer;
    private Response lastFailure;
    private DeferredAck deferredAck;

    /** A 2xx to an INVITE whose offer came in the response: its ACK carries the answer (RFC 3264). */
    private record DeferredAck(Side waitingFor, Dialog target, long cseq) {
    }

    B2buaCall(SipContext sip, CallEventListener events, Clock clock, CallRegistry registry,
              ServerTransaction aInvite, Dialog aDialog, RoutePlan.Forward plan, Optional<CallerLocation> location,
              LocationFormats locationFormats) {
        this.sip = sip;
        this.events = events;
        this.clock = clock;
        this.registry = registry;
        this.aInvite = aInvite;
        this.aRequest = aInvite.getRequest();
        this.aDialog = aDialog;
        this.aCallId = ((CallIdHeader) aRequest.getHeader(CallIdHeader.NAME)).getCallId();
        this.plan = plan;
        this.location = location;
        this.locationFormats = locationFormats;
        this.lane = sip.lanes().laneOf(aCallId);
        aDialog.setApplicationData(new LegRef(this, Side.A));
    }

    public String callId() {
        return aCallId;
    }

    public CallState state() {
        return state;
    }

    /** Puts this call's Call-ID, tenant and trunk into the log MDC of the current lane thread. */
    void enterLogContext() {
        MDC.put("callId", aCallId);
        plan.tenant().ifPresent(t -> MDC.put("tenant", t.value()));
        plan.trunk().ifPresent(t -> MDC.put("trunk", t.value()));
    }

    void start(String source) {
        registry.add(aCallId, this);
        events.onEvent(new CallEvent.Started(aCallId, clock.instant(), plan.direction(), plan.tenant(), plan.trunk(),
                plan.callerUser(), plan.requestUser(), source));
        tryNextDestination();
    }

    // ---- B leg set-up -------------------------------------------------------------------------

    private void tryNextDestination() {
        attempt++;
        if (attempt >= plan.destinations().size()) {
            failCall();
            return;
        }
        Destination destination = plan.destinations().get(attempt);
        provisionalSeen = false;
        try {
            Request invite = buildInvite(destination);
            String bCallId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
            ClientTransaction ct = sip.provider().getNewClientTransaction(invite);
            ct.setApplicationData(this);
            Dialog dialog = sip.provider().getNewDialog(ct);
            dialog.setApplicationData(new LegRef(this, Side.B));
            registry.add(bCallId, this);
            bInvite = ct;
            bDialog = dialog;
            LOG.info("call {} -> {} via {} ({})", plan.callerUser(), plan.requestUser(), destination.label(),
                    plan.rule());
            ct.sendRequest();
            ClientTransaction attemptTx = ct;
            silenceTimer = sip.lanes().schedule(lane, sip.settings().gatewayTimeout(), () -> {
                enterLogContext();
                try {
                    onSilence(attemptTx);
                } finally {
                    MDC.clear();
                }
            });
        } catch (Exception e) {
            LOG.warn("could not reach {} for call {}: {}", destination.label(), aCallId, e.toString());
            tryNextDestination();
        }
    }

    private Request buildInvite(Destination destination) throws Exception {
        SipURI nextHop = (SipURI) sip.addresses().createURI(destination.uri());
        String transport = Optional.ofNullable(nextHop.getTransportParam()).orElse("udp");
        boolean serviceUrn = plan.requestUser().startsWith("urn:");
        URI requestUri;
        if (serviceUrn) {
            // RFC 5031: the service URN is the Request-URI; the gateway is reached by a Route
            requestUri = sip.addresses().createURI(plan.requestUser());
        } else {
            SipURI target = (SipURI) nextHop.clone();
            target.setUser(plan.requestUser());
            requestUri = target;
        }
        Address fromAddress = CallerIdentityHeaders.fromAddress(sip, plan.caller(),
                (FromHeader) aRequest.getHeader(FromHeader.NAME));
        Address toAddress = serviceUrn
                ? sip.addresses().createAddress(requestUri)
                : sip.addresses().createAddress(sip.addresses().createSipURI(plan.requestUser(), nextHop.getHost()));
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) aRequest.getHeader(MaxForwardsHeader.NAME);
        int hops = maxForwards == null ? 70 : maxForwards.getMaxForwards() - 1;
        Request invite = sip.messages().createRequest(requestUri, Request.INVITE,
                sip.headers().createCallIdHeader(sip.newCallId(lane)),
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                sip.headers().createFromHeader(fromAddress, SipContext.newTag()),
                sip.headers().createToHeader(toAddress, null),
                java.util.List.of(sip.via(transport)),
                sip.headers().createMaxForwardsHeader(hops));
        invite.setHeader(sip.contact(transport));
        if (serviceUrn) {
            nextHop.setLrParam();
            invite.setHeader(sip.headers().createRouteHeader(sip.addresses().createAddress(nextHop)));
        }
        for (String name : COPIED_HEADERS) {
            Messages.copyHeaders(aRequest, invite, name);
        }
        CallerIdentityHeaders.assertIdentity(sip, plan.caller(), invite);
        if (location.isPresent()) {
            EmergencyBody.attach(sip, aRequest, location.get(), locationFormats.of(destination.uri()), invite);
        } else {
            Messages.copyBody(aRequest, invite);
        }
        return invite;
    }

    private void onSilence(ClientTransaction attemptTx) {
        if (attemptTx != bInvite || provisionalSeen || state == CallState.ENDED) {
            return;
        }
        LOG.warn("no answer from {} within {} for call {}", plan.destinations().get(attempt).label(),
                sip.settings().gatewayTimeout(), aCallId);
        abandon(attemptTx);
        if (state == CallState.CANCELLING) {
            finish();
            return;
        }
        tryNextDestination();
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
        if (tx == bInvite && !provisionalSeen) {
            onSilence(tx);
        } else if (tx.getApplicationData() instanceof InDialogRelay relay) {
            sip.answer(relay.origin(), Response.REQUEST_TIMEOUT, null);
        }
    }

    // ---- responses from B ---------------------------------------------------------------------

    void onInviteResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction tx = event.getClientTransaction();
        int status = response.getStatusCode();
        if (tx != bInvite) {
            if (status >= 200 && status < 300 && event.getDialog() != null) {
                LOG.info("late answer from an abandoned destination of call {}: releasing it", aCallId);
                ackAndBye(event.getDialog(), response);
            }
            return;
        }
        if (status < 200) {
            onProvisional(response);
        } else if (status < 300) {
            cancelSilenceTimer();
            onAnswer(event);
        } else {
            cancelSilenceTimer();
            onFailure(response);
        }
    }

    private void onProvisional(Response response) {
        provisionalSeen = true;
        cancelSilenceTimer();
        if (cancelWhenProvisional) {
            cancelWhenProvisional = false;
            sendCancel();
            return;
        }
        if (response.getStatusCode() == Response.TRYING || state == CallState.CANCELLING) {
            return;
        }
        state = CallState.EARLY;
        Response relay = sip.response(aRequest, response.getStatusCode(), response.getReasonPhrase());
        sip.tagTo(relay, aTag);
        relay.setHeader(sip.contact(Messages.transportOf(aRequest)));
        Messages.copyBody(response, relay);
        sip.send(aInvite, relay);
    }

    private void onAnswer(ResponseEvent event) {
        Response response = event.getResponse();
        Dialog dialog = event.getDialog() != null ? event.getDialog() : bDialog;
        if (state == CallState.CANCELLING || state == CallState.ENDED) {
            LOG.info("call {} answered after CANCEL: releasing the callee", aCallId);
            ackAndBye(dialog, response);
            finish();
            return;
        }
        bDialog = dialog;
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (Messages.hasBody(aRequest)) {
            attempt("ACK callee", () -> dialog.sendAck(dialog.createAck(cseq)));
        } else {
            deferredAck = new DeferredAck(Side.A, dialog, cseq);
        }
        Response ok = sip.response(aRequest, response.getStatusCode(), response.getReasonPhrase());
        sip.tagTo(ok, aTag);
        ok.setHeader(sip.contact(Messages.transportOf(aRequest)));
        for (String name : COPIED_HEADERS) {
            Messages.copyHeaders(response, ok, name);
        }
        Messages.copyBody(response, ok);
        sip.send(aInvite, ok);
        state = CallState.CONFIRMED;
        LOG.info("call {} answered", aCallId);
        events.onEvent(new CallEvent.Answered(aCallId, clock.instant()));
    }

    private void onFailure(Response response) {
        int status = response.getStatusCode();
        if (state == CallState.CANCELLING) {
            finish();
            return;
        }
        boolean failover = status == Response.REQUEST_TIMEOUT || (status >= 500 && status < 600);
        if (failover && attempt + 1 < plan.destinations().size()) {
            LOG.info("{} answered {} for call {}: trying the next destination",
                    plan.destinations().get(attempt).label(), status, aCallId);
            lastFailure = response;
            tryNextDestination();
            return;
        }
        Response relay = sip.response(aRequest, status, response.getReasonPhrase());
        sip.tagTo(relay, aTag);
        Messages.copyRetryAfter(response, relay);
        sip.send(aInvite, relay);
        end(status, EndCause.REJECTED);
    }

    /** Every destination failed or stayed silent: relay the last failure, else 408. */
    private void failCall() {
        if (lastFailure != null) {
            Response relay = sip.response(aRequest, lastFailure.getStatusCode(), lastFailure.getReasonPhrase());
            sip.tagTo(relay, aTag);
            sip.send(aInvite, relay);
            end(lastFailure.getStatusCode(), EndCause.FAILED);
        } else {
            Response timeout = sip.response(aRequest, Response.REQUEST_TIMEOUT, "Request Timeout (no answer from "
                    + (plan.destinations().size() == 1 ? "the destination" : "any destination") + ")");
            sip.tagTo(timeout, aTag);
            sip.send(aInvite, timeout);
            end(Response.REQUEST_TIMEOUT, EndCause.FAILED);
        }
    }

    // ---- requests from A and B ----------------------------------------------------------------

    /** CANCEL from the caller (RFC 3261 §9.2): 200 to the CANCEL, 487 to the INVITE, CANCEL to B. */
    void onCancel(ServerTransaction cancelTx) {
        sip.answer(cancelTx, Response.OK, null);
        if (state != CallState.CALLING && state != CallState.EARLY) {
            return;
        }
        Response terminated = sip.response(aRequest, Response.REQUEST_TERMINATED, null);
        sip.tagTo(terminated, aTag);
        sip.send(aInvite, terminated);
        state = CallState.CANCELLING;
        events.onEvent(new CallEvent.Ended(aCallId, clock.instant(), Response.REQUEST_TERMINATED, EndCause.CANCELLED));
        if (provisionalSeen) {
            sendCancel();
        } else {
            cancelWhenProvisional = true;
        }
    }

    private void sendCancel() {
        ClientTransaction tx = bInvite;
        attempt("CANCEL callee", () -> sip.provider().getNewClientTransaction(tx.createCancel()).sendRequest());
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
            pending.target().sendAck(relayed);
        });
    }

    /** A request inside the dialog of leg {@code from}. */
    void onInDialogRequest(Side from, ServerTransaction tx) {
        Request request = tx.getRequest();
        String method = request.getMethod();
        if (Request.BYE.equals(method)) {
            onBye(from, tx);
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
            target.sendRequest(ct);
        });
    }

    private void onBye(Side from, ServerTransaction tx) {
        sip.answer(tx, Response.OK, null);
        if (state == CallState.ENDED) {
            return;
        }
        Dialog other = from == Side.A ? bDialog : aDialog;
        if (state == CallState.CONFIRMED && other != null) {
            sendBye(other);
        } else if (from == Side.A) {
            // BYE before the answer: treat like CANCEL towards the callee
            if (provisionalSeen) {
                sendCancel();
            }
        }
        end(Response.OK, from == Side.A ? EndCause.CALLER_HANGUP : EndCause.CALLEE_HANGUP);
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
                attempt("ACK re-INVITE", () -> target.sendAck(target.createAck(cseq)));
            } else {
                deferredAck = new DeferredAck(relay.from(), target, cseq);
            }
        }
        sip.send(relay.origin(), answer);
    }

    // ---- endings ------------------------------------------------------------------------------

    private void sendBye(Dialog dialog) {
        attempt("send BYE", () -> {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            dialog.sendRequest(ct);
        });
    }

    private void ackAndBye(Dialog dialog, Response response) {
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        attempt("ACK stray answer", () -> dialog.sendAck(dialog.createAck(cseq)));
        sendBye(dialog);
    }

    private void end(int status, EndCause cause) {
        if (state == CallState.ENDED) {
            return;
        }
        boolean alreadyReported = state == CallState.CANCELLING;
        finish();
        if (!alreadyReported) {
            events.onEvent(new CallEvent.Ended(aCallId, clock.instant(), status, cause));
        }
        LOG.info("call {} ended: {} {}", aCallId, status, cause);
    }

    private void finish() {
        state = CallState.ENDED;
        cancelSilenceTimer();
        registry.remove(aCallId);
        if (bDialog != null) {
            registry.remove(bDialog.getCallId().getCallId());
        }
    }

    private void cancelSilenceTimer() {
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
            silenceTimer = null;
        }
    }

    // ---- message helpers ----------------------------------------------------------------------

    private void attempt(String what, SipAction action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.warn("call {}: could not {}: {}", aCallId, what, e.toString());
        }
    }

}
