package io.sentral.app.switchboard;

import io.sentral.core.number.E164Number;
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
        // the engine's Join still needs a number: once it takes Optional<E164Number>, this line becomes
        // `var caller = join.caller();` and anonymous callers queue like everybody else
        E164Number caller = join.caller().orElseThrow(() -> new IllegalArgumentException("anonymous caller"));
        return new Join(CallId.of(join.callId()), caller, join.queue(), join.originalJoin(), join.path());
    }
}
