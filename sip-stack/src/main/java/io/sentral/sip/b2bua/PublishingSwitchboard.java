package io.sentral.sip.b2bua;

import io.sentral.core.call.Diversion;
import io.sentral.core.policy.PolicyEventListener;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.UserId;
import java.util.Objects;

/**
 * The switchboard's decisions for calls in progress (forwarding, overflow, offers, transfers),
 * with the policy events of each plan published as a new call's are — so that a forwarding or
 * transfer refused by the customer's barrings or cost limit (T8) is counted and alerted on.
 */
public final class PublishingSwitchboard implements SwitchboardRouter {
    private final SwitchboardRouter switchboard;
    private final PolicyEventListener policyEvents;

    public PublishingSwitchboard(SwitchboardRouter switchboard, PolicyEventListener policyEvents) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.policyEvents = Objects.requireNonNull(policyEvents, "policyEvents");
    }

    @Override
    public RoutePlan divert(RedirectedCall call, UserId user, Forwarding.DivertCondition condition) {
        return published(call, switchboard.divert(call, user, condition));
    }

    @Override
    public RoutePlan redirect(RedirectedCall call, CallTarget target, Diversion diversion) {
        return published(call, switchboard.redirect(call, target, diversion));
    }

    @Override
    public RoutePlan offer(RedirectedCall call, UserId agent) {
        return published(call, switchboard.offer(call, agent));
    }

    @Override
    public RoutePlan transfer(RedirectedCall call, UserId by, String dialled) {
        return published(call, switchboard.transfer(call, by, dialled));
    }

    private RoutePlan published(RedirectedCall call, RoutePlan plan) {
        plan.events().forEach(event -> policyEvents.onPolicyEvent(call.callId(), event));
        return plan;
    }
}
