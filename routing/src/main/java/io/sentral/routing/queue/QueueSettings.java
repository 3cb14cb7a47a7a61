package io.sentral.routing.queue;

import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import java.util.Objects;

/**
 * A queue as the engine runs it: the provisioned {@link Queue} plus the two settings core's
 * record does not have yet (candidates to move there).
 *
 * @param whenNoAgent          overflow at once or wait when nobody can be rung
 * @param autopauseAfterMisses consecutive unanswered offers after which an agent is paused until
 *                             made available again; 0 = never (like Asterisk's autopause)
 */
public record QueueSettings(Queue queue, WhenNoAgent whenNoAgent, int autopauseAfterMisses) {
    public QueueSettings {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(whenNoAgent, "whenNoAgent");
        if (autopauseAfterMisses < 0) {
            throw new IllegalArgumentException("queue " + queue.name()
                    + " autopause after misses must not be negative (0 = never): " + autopauseAfterMisses);
        }
    }

    /** The demo's behaviour (DEMO.md): overflow at once when nobody is available, no autopause. */
    public static QueueSettings of(Queue queue) {
        return new QueueSettings(queue, WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE, 0);
    }

    public QueueName name() {
        return queue.name();
    }
}
