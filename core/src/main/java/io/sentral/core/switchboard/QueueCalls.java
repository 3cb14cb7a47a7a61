package io.sentral.core.switchboard;

/**
 * Port, edge → queues: what happens to queued callers and to the agents' legs (S2-S5). The
 * implementation runs the queue engine and answers through {@link QueueCallControl}, later and on
 * its own thread; every method returns at once.
 */
public interface QueueCalls {

    /** A caller arrives (a call to the queue's number, or an overflow from another queue). */
    void join(QueueJoin join);

    /** The waiting caller hung up (abandoned). */
    void callerLeft(String callId);

    /** One of the agent's devices answered the offer. */
    void offerAnswered(String callId, UserId agent);

    /** None of the agent's devices took the offer (busy, declined, unreachable). */
    void offerFailed(String callId, UserId agent);

    /** The connected queue call is over: the agent goes into wrap-up. */
    void callEnded(String callId);

    /** The agent started or ended a call outside the queues (direct, outgoing): not offered meanwhile. */
    void agentOnOtherCall(UserId agent, boolean onCall);
}
