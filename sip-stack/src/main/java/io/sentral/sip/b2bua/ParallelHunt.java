package io.sentral.sip.b2bua;

import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.Forwarding.DivertCondition;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings all of a switchboard user's devices at once (S1, {@link RoutePlan.RingUser}): the first
 * device to answer takes the call and the others are cancelled with "Call completed elsewhere".
 * When every device is busy, or none answers within the user's no-answer time, the user's
 * forwarding decides (S7, {@code SwitchboardRouter.divert}); without forwarding the caller gets
 * 486 (busy) or 480.
 */
final class ParallelHunt implements Hunt {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelHunt.class);

    private final B2buaCall call;
    private final RoutePlan.RingUser plan;
    private ScheduledFuture<?> noAnswerTimer;
    private boolean busySeen;
    private Response lastFailure;
    private boolean answered;

    ParallelHunt(B2buaCall call, RoutePlan.RingUser plan) {
        this.call = call;
        this.plan = plan;
    }

    @Override
    public void start() {
        int placed = 0;
        for (Destination device : plan.devices()) {
            OutgoingInvite.Target target = new OutgoingInvite.Target(device, Optional.empty());
            if (call.place(target, Optional.of(plan.user()), false).isPresent()) {
                placed++;
            }
        }
        if (placed == 0) {
            divert(DivertCondition.UNREACHABLE);
            return;
        }
        plan.noAnswerAfter().ifPresent(after -> noAnswerTimer = call.schedule(after, this::onNoAnswer));
    }

    @Override
    public void onProvisional(Branch branch, Response response) {
        call.relayProvisional(response);
    }

    @Override
    public void onAnswered(Branch branch) {
        answered = true;
        stopTimer();
        call.connect(branch);
        call.services().queues().agentOnOtherCall(plan.user(), true);
    }

    @Override
    public void onFailed(Branch branch, Optional<Response> response) {
        response.ifPresent(r -> {
            lastFailure = r;
            int status = r.getStatusCode();
            busySeen |= status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE
                    || status == Response.DECLINE;
        });
        if (call.hasRingingBranches()) {
            return;
        }
        stopTimer();
        divert(busySeen ? DivertCondition.BUSY : DivertCondition.UNREACHABLE);
    }

    private void onNoAnswer() {
        if (answered || !call.isHunting()) {
            return;
        }
        LOG.info("{} did not answer within {} s: forwarding on no answer", plan.user(),
                plan.noAnswerAfter().orElseThrow().toSeconds());
        call.cancelRinging(Optional.empty());
        divert(DivertCondition.NO_ANSWER);
    }

    private void divert(DivertCondition condition) {
        RoutePlan next = call.services().switchboard().divert(call.redirected(), plan.user(), condition);
        if (next instanceof RoutePlan.Reject reject) {
            LOG.info("call {} to {} not forwarded on {}: {}", call.callId(), plan.user(), condition, reject.reason());
            switch (condition) {
                case BUSY -> call.fail(Response.BUSY_HERE, "Busy Here", Optional.empty(), false);
                case NO_ANSWER -> call.fail(Response.TEMPORARILY_UNAVAILABLE,
                        "Temporarily Unavailable (no answer)", Optional.empty(), true);
                default -> {
                    if (lastFailure != null) {
                        call.fail(lastFailure.getStatusCode(), lastFailure.getReasonPhrase(), Optional.empty(), true);
                    } else {
                        call.fail(reject.status(), reject.reason(), Optional.empty(), true);
                    }
                }
            }
            return;
        }
        LOG.info("call {} to {} forwarded on {}", call.callId(), plan.user(), condition);
        call.execute(next);
    }

    @Override
    public void onEnded(boolean wasConnected) {
        stopTimer();
        if (answered) {
            call.services().queues().agentOnOtherCall(plan.user(), false);
        }
    }

    private void stopTimer() {
        if (noAnswerTimer != null) {
            noAnswerTimer.cancel(false);
            noAnswerTimer = null;
        }
    }
}
