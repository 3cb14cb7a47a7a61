package io.sentral.sip;

import io.sentral.core.call.Diversion;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.QueueCalls;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.UserId;

/** The switchboard of an edge that serves trunks only: every switchboard decision is a refusal. */
final class NoSwitchboard {
    private static final String RULE = "no-switchboard";

    static final SwitchboardRouter ROUTER = new SwitchboardRouter() {
        @Override
        public RoutePlan divert(RedirectedCall call, UserId user, Forwarding.DivertCondition condition) {
            return refuse();
        }

        @Override
        public RoutePlan redirect(RedirectedCall call, CallTarget target, Diversion diversion) {
            return refuse();
        }

        @Override
        public RoutePlan offer(RedirectedCall call, UserId agent) {
            return refuse();
        }

        @Override
        public RoutePlan transfer(RedirectedCall call, UserId by, String dialled) {
            return refuse();
        }

        private RoutePlan refuse() {
            return new RoutePlan.Reject(480, "Temporarily Unavailable (no switchboard on this node)", RULE);
        }
    };

    static final QueueCalls QUEUES = new QueueCalls() {
        @Override
        public void join(QueueJoin join) {
            throw new IllegalStateException("no queues on this node: cannot queue " + join.callId());
        }

        @Override
        public void callerLeft(String callId) {
        }

        @Override
        public void offerAnswered(String callId, UserId agent) {
        }

        @Override
        public void offerFailed(String callId, UserId agent) {
        }

        @Override
        public void callEnded(String callId) {
        }

        @Override
        public void agentOnOtherCall(UserId agent, boolean onCall) {
        }
    };

    private NoSwitchboard() {
    }
}
