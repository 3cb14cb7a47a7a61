package io.sentral.sip.b2bua;

import io.sentral.sip.internal.SipContext;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins two parties that are each in an established dialog with Sentral, by re-negotiating their
 * media with each other (third-party call control, RFC 3725 flow I) — how a transfer (S8) puts
 * the transferee through to the target:
 *
 * <pre>
 *   target             Sentral              stay (transferee)
 *     |  [re-INVITE, no SDP] (attended only)   |
 *     |---- 200 (offer) ---&gt;|                     |
 *     |                    |---- re-INVITE (offer) ----&gt;|
 *     |                    |&lt;--- 200 (answer) ----------|
 *     |                    |---- ACK -------------------&gt;|
 *     |&lt;--- ACK (answer) ---|                     |
 * </pre>
 *
 * For a blind transfer the target's offer comes in the 2xx to Sentral's SDP-less INVITE, so the
 * first step is skipped. Runs on the call's lane; responses arrive through {@link Step}.
 */
final class Rejoin {
    private static final Logger LOG = LoggerFactory.getLogger(Rejoin.class);

    /** Application data of Rejoin's client transactions. */
    record Step(Rejoin rejoin, B2buaCall call, boolean towardsTarget) {
    }

    /** Told how the rejoin ended. */
    interface Outcome {
        void joined();

        void failed(String why);
    }

    private final SipContext sip;
    private final B2buaCall call;
    private final Dialog stay;
    private final Dialog target;
    private final Outcome outcome;
    private long targetAckCseq;

    Rejoin(SipContext sip, B2buaCall call, Dialog stay, Dialog target, Outcome outcome) {
        this.sip = sip;
        this.call = call;
        this.stay = stay;
        this.target = target;
        this.outcome = outcome;
    }

    /** Blind: the target answered Sentral's SDP-less INVITE with {@code answer} carrying its offer. */
    void startWithOffer(Response answer) {
        targetAckCseq = ((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (!Messages.hasBody(answer)) {
            outcome.failed("the target answered without an SDP offer");
            return;
        }
        reInvite(stay, Optional.of(answer), false);
    }

    /** Attended: ask the target (already in a call with Sentral) for a fresh offer first. */
    void start() {
        reInvite(target, Optional.empty(), true);
    }

    private void reInvite(Dialog dialog, Optional<Response> offer, boolean towardsTarget) {
        try {
            Request invite = dialog.createRequest(Request.INVITE);
            offer.ifPresent(o -> Messages.copyBody(o, invite));
            invite.setHeader(sip.contact(Messages.transportOf(invite)));
            ClientTransaction ct = sip.provider().getNewClientTransaction(invite);
            ct.setApplicationData(new Step(this, call, towardsTarget));
            sip.send(dialog, ct);
        } catch (Exception e) {
            LOG.warn("call {}: re-INVITE for the transfer failed: {}", call.callId(), e.toString());
            outcome.failed("could not send the re-INVITE: " + e.getMessage());
        }
    }

    void onResponse(Step step, ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if (status >= 300) {
            outcome.failed((step.towardsTarget() ? "the target" : "the transferee") + " refused the re-INVITE: "
                    + status + " " + response.getReasonPhrase());
            return;
        }
        long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            if (step.towardsTarget()) {
                targetAckCseq = cseq;
                if (!Messages.hasBody(response)) {
                    sip.sendAck(target, target.createAck(cseq));
                    outcome.failed("the target answered the re-INVITE without an SDP offer");
                    return;
                }
                reInvite(stay, Optional.of(response), false);
                return;
            }
            sip.sendAck(stay, stay.createAck(cseq));
            Request ack = target.createAck(targetAckCseq);
            Messages.copyBody(response, ack);
            sip.sendAck(target, ack);
            outcome.joined();
        } catch (Exception e) {
            LOG.warn("call {}: ACK during the transfer failed: {}", call.callId(), e.toString());
            outcome.failed("could not acknowledge: " + e.getMessage());
        }
    }

    void onTimeout() {
        outcome.failed("no answer to the re-INVITE");
    }
}
