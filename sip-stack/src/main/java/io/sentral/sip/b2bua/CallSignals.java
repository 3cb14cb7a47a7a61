package io.sentral.sip.b2bua;

import io.sentral.sip.gateway.GatewayPinger;
import io.sentral.sip.gateway.GatewayProbe;
import io.sentral.sip.internal.SipContext;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the call a mid-call message belongs to (by dialog, transaction or Call-ID) and hands the
 * message to it; answers 481 when there is none (RFC 3261 §12.2.2).
 */
public final class CallSignals {
    private static final Logger LOG = LoggerFactory.getLogger(CallSignals.class);

    private final SipContext sip;
    private final CallRegistry registry;
    private final GatewayPinger pinger;

    public CallSignals(SipContext sip, CallRegistry registry, GatewayPinger pinger) {
        this.sip = sip;
        this.registry = registry;
        this.pinger = pinger;
    }

    public void onResponse(ResponseEvent event) {
        ClientTransaction tx = event.getClientTransaction();
        Object data = tx == null ? null : tx.getApplicationData();
        if (data instanceof B2buaCall call) {
            call.enterLogContext();
            call.onInviteResponse(event);
        } else if (data instanceof InDialogRelay relay) {
            relay.call().enterLogContext();
            relay.call().onRelayResponse(relay, event);
        } else if (data instanceof Rejoin.Step step) {
            step.call().enterLogContext();
            step.rejoin().onResponse(step, event);
        } else if (data instanceof GatewayProbe probe && event.getResponse().getStatusCode() >= 200) {
            pinger.onAnswer(probe, event.getResponse().getStatusCode());
        } else if (tx == null) {
            LOG.debug("response {} outside any transaction (retransmission)", event.getResponse().getStatusCode());
        }
    }

    public void onTimeout(ClientTransaction tx) {
        Object data = tx.getApplicationData();
        if (data instanceof B2buaCall call) {
            call.enterLogContext();
            call.onTimeout(tx);
        } else if (data instanceof InDialogRelay relay) {
            relay.call().enterLogContext();
            relay.call().onTimeout(tx);
        } else if (data instanceof Rejoin.Step step) {
            step.call().enterLogContext();
            step.rejoin().onTimeout();
        }
    }

    public void onCancel(ServerTransaction cancelTx) {
        Optional<B2buaCall> call = registry.find(callIdOf(cancelTx.getRequest()));
        if (call.isPresent()) {
            call.get().enterLogContext();
            call.get().onCancel(cancelTx);
        } else {
            sip.answer(cancelTx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        }
    }

    public void onAck(RequestEvent event) {
        legOf(event.getDialog(), event.getRequest()).ifPresent(leg -> {
            leg.call().enterLogContext();
            leg.call().onAck(event.getRequest());
        });
    }

    public void onInDialogRequest(RequestEvent event, ServerTransaction tx) {
        Optional<LegRef> leg = legOf(event.getDialog(), tx.getRequest());
        if (leg.isEmpty()) {
            sip.answer(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        leg.get().call().enterLogContext();
        leg.get().call().onInDialogRequest(leg.get().side(), tx);
    }

    private Optional<LegRef> legOf(Dialog dialog, Request request) {
        if (dialog != null && dialog.getApplicationData() instanceof LegRef ref) {
            return Optional.of(ref);
        }
        String callId = callIdOf(request);
        return registry.find(callId).map(call -> new LegRef(call, call.callId().equals(callId) ? Side.A : Side.B));
    }

    private static String callIdOf(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
