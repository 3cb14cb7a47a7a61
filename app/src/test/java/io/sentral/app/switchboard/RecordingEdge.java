package io.sentral.app.switchboard;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueCallControl;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SIP edge as the queues see it: records every call in words ("offer c1 Sentralbord [alice]")
 * and, like the real edge, joins a caller overflowed to a queue into that queue. A test can make
 * calls fail to check that the lane survives. Safe to read from the test thread while a real lane
 * records.
 */
final class RecordingEdge implements QueueCallControl {
    /** An overflow as the edge received it. */
    record Overflow(String callId, QueueName from, CallTarget target, Instant originalJoin, List<QueueName> path) {
    }

    private final List<String> calls = new ArrayList<>();
    private final List<Overflow> overflows = new ArrayList<>();
    private final Consumer<Overflow> onOverflow;
    private Predicate<String> failing = call -> false;

    RecordingEdge(Consumer<Overflow> onOverflow) {
        this.onOverflow = onOverflow;
    }

    /** Every call whose words match throws, after being recorded. */
    synchronized void failOn(Predicate<String> calls) {
        failing = calls;
    }

    /** The calls so far, and forgets them. */
    synchronized List<String> take() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }

    synchronized List<Overflow> overflows() {
        return List.copyOf(overflows);
    }

    private synchronized Predicate<String> failing() {
        return failing;
    }

    @Override
    public void queued(String callId, QueueName queue, int position) {
        record("queued " + callId + " " + queue + " " + position);
    }

    @Override
    public void offer(String callId, QueueName queue, List<UserId> agents) {
        record("offer " + callId + " " + queue + " " + agents);
    }

    @Override
    public void cancelOffer(String callId, UserId agent) {
        record("cancel " + callId + " " + agent);
    }

    @Override
    public void connect(String callId, UserId agent) {
        record("connect " + callId + " " + agent);
    }

    @Override
    public void overflow(String callId, QueueName from, CallTarget target, Instant originalJoin,
                         List<QueueName> path) {
        String to = switch (target) {
            case CallTarget.ToQueue q -> "queue " + q.queue();
            case CallTarget.ToUser u -> "user " + u.user();
            case CallTarget.ToNumber n -> "number " + n.number();
        };
        record("overflow " + callId + " " + from + " -> " + to);
        Overflow overflow = new Overflow(callId, from, target, originalJoin, path);
        synchronized (this) {
            overflows.add(overflow);
        }
        onOverflow.accept(overflow);
    }

    @Override
    public void reject(String callId, QueueName queue, int status, String reason) {
        record("reject " + callId + " " + queue + " " + status + " " + reason);
    }

    private void record(String call) {
        synchronized (this) {
            calls.add(call);
        }
        if (failing().test(call)) {
            throw new IllegalStateException("edge fails on purpose: " + call);
        }
    }
}
