package io.sentral.sip.b2bua;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueCallControl;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.sip.internal.SipContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes the queue engine's decisions on the SIP edge (routing decides, the edge executes):
 * each decision moves to the lane of the caller's call and reaches its {@link QueueHunt}. A
 * decision for a call that has ended meanwhile (the caller hung up) is dropped.
 */
public final class QueueCallExecutor implements QueueCallControl {
    private static final Logger LOG = LoggerFactory.getLogger(QueueCallExecutor.class);

    private final SipContext sip;
    private final CallRegistry registry;

    public QueueCallExecutor(SipContext sip, CallRegistry registry) {
        this.sip = sip;
        this.registry = registry;
    }

    @Override
    public void queued(String callId, QueueName queue, int position) {
        LOG.debug("call {} waits in {} at position {}", callId, queue, position);
    }

    @Override
    public void offer(String callId, QueueName queue, List<UserId> agents) {
        onHunt(callId, "offer", hunt -> hunt.offer(agents));
    }

    @Override
    public void cancelOffer(String callId, UserId agent) {
        onHunt(callId, "cancel offer", hunt -> hunt.cancelOffer(agent));
    }

    @Override
    public void connect(String callId, UserId agent) {
        onHunt(callId, "connect", hunt -> hunt.connect(agent));
    }

    @Override
    public void overflow(String callId, QueueName from, CallTarget target, Instant originalJoin,
                         List<QueueName> path) {
        onHunt(callId, "overflow", hunt -> hunt.overflow(from, target, originalJoin, path));
    }

    @Override
    public void reject(String callId, QueueName queue, int status, String reason) {
        onHunt(callId, "reject", hunt -> hunt.reject(status, reason));
    }

    private void onHunt(String callId, String what, Consumer<QueueHunt> work) {
        sip.lanes().execute(callId, () -> {
            MDC.put("callId", callId);
            try {
                registry.find(callId).ifPresentOrElse(call -> {
                    call.enterLogContext();
                    call.queueHunt().ifPresentOrElse(work,
                            () -> LOG.debug("queue {} for call {} that is no longer queued", what, callId));
                }, () -> LOG.debug("queue {} for call {} that has ended", what, callId));
            } catch (RuntimeException e) {
                LOG.warn("queue {} for call {} failed: {}", what, callId, e.toString(), e);
            } finally {
                MDC.clear();
            }
        });
    }
}
