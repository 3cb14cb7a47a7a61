package io.sentral.app.switchboard;

import io.sentral.core.switchboard.QueueJoin;
import io.sentral.routing.queue.CallId;
import io.sentral.routing.queue.Join;

/**
 * Core's {@link QueueJoin} (what the edge reports) as the engine's {@link Join}: a fresh call
 * (no original join, empty path) or one overflowed in, keeping the original join time and the
 * queues it has been through.
 */
final class EngineJoins {

    private EngineJoins() {
    }

    static Join of(QueueJoin join) {
        return new Join(CallId.of(join.callId()), join.caller(), join.queue(), join.originalJoin(), join.path());
    }
}
