package io.sentral.core.switchboard;

import java.util.Objects;

/**
 * The number a user chooses to show on outgoing calls (S9); routing resolves it to a number and
 * the caller-ID ownership check (T5) still applies to it.
 */
public sealed interface Presentation {

    /** The user's own direct number (the main number if the user has none). */
    record OwnNumber() implements Presentation {
    }

    /** The customer's main number. */
    record MainNumber() implements Presentation {
    }

    /** The function number of one of the customer's queues. */
    record QueueNumber(QueueName queue) implements Presentation {
        public QueueNumber {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** The user's mobile (must be a verified number of the customer to pass T5). */
    record Mobile() implements Presentation {
    }

    Presentation DEFAULT = new OwnNumber();
}
