package io.sentral.app.switchboard;

import io.sentral.core.switchboard.QueueCalls;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.UserId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in a call now, for the directory's live status (S10): passes everything the SIP edge
 * tells the queues on to them, noting on the way the queue calls an agent answered (until they
 * end), the direct calls a user answered and the calls a user's own device placed (from dialling
 * until they end) — the edge reports the last two as {@link #agentOnOtherCall}.
 */
public final class UserActivity implements QueueCalls {
    private final QueueCalls queues;
    private final Map<String, UserId> queueCalls = new ConcurrentHashMap<>();
    private final Map<UserId, Integer> directCalls = new ConcurrentHashMap<>();

    public UserActivity(QueueCalls queues) {
        this.queues = queues;
    }

    /** Whether {@code user} is in a queue call, a direct call or a call of their own device now. */
    public boolean busy(UserId user) {
        return directCalls.getOrDefault(user, 0) > 0 || queueCalls.containsValue(user);
    }

    @Override
    public void join(QueueJoin join) {
        queues.join(join);
    }

    @Override
    public void callerLeft(String callId) {
        queueCalls.remove(callId);
        queues.callerLeft(callId);
    }

    @Override
    public void offerAnswered(String callId, UserId agent) {
        queueCalls.put(callId, agent);
        queues.offerAnswered(callId, agent);
    }

    @Override
    public void offerFailed(String callId, UserId agent) {
        queues.offerFailed(callId, agent);
    }

    @Override
    public void callEnded(String callId) {
        queueCalls.remove(callId);
        queues.callEnded(callId);
    }

    @Override
    public void agentOnOtherCall(UserId agent, boolean onCall) {
        directCalls.merge(agent, onCall ? 1 : -1, (a, b) -> Math.max(0, a + b));
        queues.agentOnOtherCall(agent, onCall);
    }
}
