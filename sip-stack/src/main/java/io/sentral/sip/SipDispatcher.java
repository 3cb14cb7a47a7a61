package io.sentral.sip;

import gov.nist.javax.sip.RequestEventExt;
import io.sentral.sip.b2bua.CallSignals;
import io.sentral.sip.b2bua.InviteHandler;
import io.sentral.sip.internal.SipContext;
import io.sentral.sip.registrar.RegisterHandler;
import java.time.Duration;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The JAIN-SIP listener: the first code a message meets after the stack. It creates the server
 * transaction on the stack thread (so retransmissions are absorbed), then moves the work to the
 * call's lane and hands it to the handler for its method. Exceptions never escape to the stack.
 */
final class SipDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);
    static final List<String> ALLOWED = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER", "UPDATE",
            "INFO", "REFER", "NOTIFY");

    private final SipContext sip;
    private final RegisterHandler registrar;
    private final InviteHandler invites;
    private final CallSignals calls;

    SipDispatcher(SipContext sip, RegisterHandler registrar, InviteHandler invites, CallSignals calls) {
        this.sip = sip;
        this.registrar = registrar;
        this.invites = invites;
        this.calls = calls;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String callId = callIdOf(request);
        String method = request.getMethod();
        String counted = ALLOWED.contains(method) ? method : "other";
        long arrived = System.nanoTime();
        sip.signalling().requestReceived(counted);
        sip.wire().received(request);
        String ip = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : "0.0.0.0";
        int port = event instanceof RequestEventExt ext ? ext.getRemotePort() : 0;
        if (sip.blocker().blocks(ip) && !(Request.INVITE.equals(method) && invites.dialsEmergency(request))) {
            sip.blocker().dropped();
            return; // unanswered: a scanner learns nothing more
        }
        if (Request.ACK.equals(method)) {
            sip.lanes().execute(callId, () -> inCallContext(callId, () -> calls.onAck(event)));
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            try {
                tx = sip.provider().getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                return; // a retransmission: the transaction layer answers it
            } catch (Exception e) {
                rejectMalformed(request, e);
                return;
            }
        }
        ServerTransaction transaction = tx;
        sip.lanes().execute(callId, () -> inCallContext(callId, () -> {
            dispatch(event, transaction, ip, port);
            sip.signalling().requestProcessed(counted, Duration.ofNanos(System.nanoTime() - arrived));
        }));
    }

    private void dispatch(RequestEvent event, ServerTransaction tx, String ip, int port) {
        Request request = tx.getRequest();
        String method = request.getMethod();
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        switch (method) {
            case Request.REGISTER -> registrar.handle(tx, RegisterHandler.sourceOf(ip, port, request));
            case Request.CANCEL -> calls.onCancel(tx);
            case Request.INVITE -> {
                if (inDialog) {
                    calls.onInDialogRequest(event, tx);
                } else {
                    invites.handle(tx, ip, port);
                }
            }
            case Request.OPTIONS -> {
                if (inDialog) {
                    calls.onInDialogRequest(event, tx);
                } else {
                    answerOptions(tx);
                }
            }
            default -> {
                if (inDialog) {
                    calls.onInDialogRequest(event, tx);
                } else if (ALLOWED.contains(method)) {
                    sip.answer(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
                } else {
                    Response response = sip.response(request, Response.METHOD_NOT_ALLOWED, null);
                    addAllow(response);
                    sip.send(tx, response);
                }
            }
        }
    }

    /**
     * A request the transaction layer refuses (e.g. an INVITE without Contact) is answered
     * statelessly with 400 naming the problem (ARCHITECTURE rule 3); never left unanswered.
     */
    private void rejectMalformed(Request request, Exception problem) {
        String reason = String.valueOf(problem.getMessage()).replaceAll("[\\r\\n]+", " ").trim();
        LOG.warn("malformed {} {}: {}", request.getMethod(), callIdOf(request), reason);
        sip.signalling().malformed();
        try {
            sip.sendStateless(sip.response(request, Response.BAD_REQUEST, "Bad Request (" + reason + ")"));
        } catch (Exception e) {
            LOG.debug("cannot answer malformed request: {}", e.toString());
        }
    }

    private void answerOptions(ServerTransaction tx) {
        Response ok = sip.response(tx.getRequest(), Response.OK, null);
        addAllow(ok);
        try {
            ok.setHeader(sip.headers().createAcceptHeader("application", "sdp"));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        sip.send(tx, ok);
    }

    private void addAllow(Response response) {
        try {
            response.setHeader(sip.headers().createAllowHeader(String.join(", ", ALLOWED)));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        String callId = callIdOf(event.getResponse());
        sip.wire().received(event.getResponse());
        sip.lanes().execute(callId, () -> inCallContext(callId, () -> calls.onResponse(event)));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction tx = event.getClientTransaction();
        sip.wire().timedOut(tx);
        String callId = callIdOf(tx.getRequest());
        sip.lanes().execute(callId, () -> inCallContext(callId, () -> calls.onTimeout(tx)));
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.warn("transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing to clean up: calls end on their own signalling
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // nothing to clean up: calls end on their own signalling
    }

    private static String callIdOf(javax.sip.message.Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? "" : header.getCallId();
    }

    private static void inCallContext(String callId, Runnable work) {
        MDC.put("callId", callId);
        try {
            work.run();
        } finally {
            MDC.clear();
        }
    }

}
