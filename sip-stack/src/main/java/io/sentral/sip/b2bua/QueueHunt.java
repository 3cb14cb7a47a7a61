package io.sentral.sip.b2bua;

import io.sentral.core.call.Diversion;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller in a queue (S2-S4): answered {@code 182 Queued} and held unanswered while the queue
 * engine offers the call to agents. Each offer rings all devices of the agent; an answering device
 * is reported to the engine, which connects the first agent and withdraws the other offers. The
 * engine's overflow sends the caller on (another queue keeps the original join time).
 */
final class QueueHunt implements Hunt {
    private static final Logger LOG = LoggerFactory.getLogger(QueueHunt.class);

    private final B2buaCall call;
    private final RoutePlan.JoinQueue plan;
    private final Optional<Instant> originalJoin;
    private final List<QueueName> path;
    private boolean connected;

    QueueHunt(B2buaCall call, RoutePlan.JoinQueue plan, Optional<Instant> originalJoin, List<QueueName> path) {
        this.call = call;
        this.plan = plan;
        this.originalJoin = originalJoin;
        this.path = List.copyOf(path);
    }

    QueueName queue() {
        return plan.queue();
    }

    @Override
    public void start() {
        call.sendQueued();
        call.services().queues().join(new QueueJoin(call.callId(), plan.tenant(), plan.queue(), plan.callerNumber(),
                originalJoin, path));
    }

    // ---- the engine's decisions (QueueCallControl, on the call's lane) ----------------------------

    void offer(List<UserId> agents) {
        for (UserId agent : agents) {
            RoutePlan devices = call.services().switchboard().offer(call.redirected(), agent);
            int placed = 0;
            if (devices instanceof RoutePlan.RingUser ring) {
                for (Destination device : ring.devices()) {
                    if (call.place(new OutgoingInvite.Target(device, Optional.empty()), Optional.of(agent), false)
                            .isPresent()) {
                        placed++;
                    }
                }
            }
            if (placed == 0) {
                LOG.info("call {}: agent {} of {} cannot be rung ({})", call.callId(), agent, plan.queue(),
                        devices instanceof RoutePlan.Reject r ? r.reason() : "no device reached");
                call.services().queues().offerFailed(call.callId(), agent);
            }
        }
    }

    void cancelOffer(UserId agent) {
        call.releaseBranchesOf(agent, Optional.empty());
    }

    void connect(UserId agent) {
        Optional<Branch> answered = call.answeredBranchOf(agent);
        if (answered.isEmpty()) {
            LOG.warn("call {}: the engine connects {} but no device of {} has answered", call.callId(), agent, agent);
            call.services().queues().callEnded(call.callId());
            return;
        }
        connected = true;
        call.connect(answered.get());
    }

    void overflow(QueueName from, CallTarget target, Instant joined, List<QueueName> queuesSoFar) {
        call.releaseAllBranches();
        Diversion diversion = new Diversion(plan.requestUser(), Diversion.Reason.DEFLECTION);
        RoutePlan next = call.services().switchboard().redirect(call.redirected(), target, diversion);
        LOG.info("call {} overflows from {} to {}", call.callId(), from, target);
        if (next instanceof RoutePlan.JoinQueue join) {
            call.addDiversions(join.diversions());
            call.useHunt(new QueueHunt(call, join, Optional.of(joined), queuesSoFar));
        } else {
            call.execute(next);
        }
    }

    void reject(int status, String reason) {
        call.fail(status, reason, Optional.empty(), false);
    }

    // ---- the agents' legs --------------------------------------------------------------------------

    @Override
    public void onProvisional(Branch branch, Response response) {
        // the caller already hears ringback for 182 Queued; agents' ringing is not relayed
    }

    @Override
    public void onAnswered(Branch branch) {
        call.acknowledgeEarly(branch);
        call.services().queues().offerAnswered(call.callId(), branch.user.orElseThrow());
    }

    @Override
    public void onFailed(Branch branch, Optional<Response> response) {
        UserId agent = branch.user.orElseThrow();
        if (!call.hasLiveBranchOf(agent)) {
            call.services().queues().offerFailed(call.callId(), agent);
        }
    }

    @Override
    public void onCallerGone() {
        call.services().queues().callerLeft(call.callId());
    }

    @Override
    public void onEnded(boolean wasConnected) {
        if (connected) {
            call.services().queues().callEnded(call.callId());
        }
    }
}
