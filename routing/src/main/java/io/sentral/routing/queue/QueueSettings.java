package io.sentral.routing.queue;

import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.WhenNoAgent;
import java.util.Objects;

/**
 * A queue as the engine runs it: the provisioned {@link Queue}, whose no-agent rule and autopause
 * count tests may vary here.
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

    /** The queue as provisioned. */
    public static QueueSettings of(Queue queue) {
        return new QueueSettings(queue, queue.whenNoAgent(), queue.autopauseAfterMisses());
    }

    public QueueName name() {
        return queue.name();
    }
}
