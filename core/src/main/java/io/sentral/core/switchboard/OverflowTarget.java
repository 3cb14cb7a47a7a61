package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import java.util.Objects;

/** Where a queue's caller goes on max wait, a full queue or no available agent (S4). */
public sealed interface OverflowTarget {

    /** Another queue of the same customer; the call log keeps its name. */
    record ToQueue(QueueName queue) implements OverflowTarget {
        public ToQueue {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** A user of the same customer, rung on all of the user's devices. */
    record ToUser(UserId user) implements OverflowTarget {
        public ToUser {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A number of the public network, e.g. a user's mobile. */
    record ToNumber(E164Number number) implements OverflowTarget {
        public ToNumber {
            Objects.requireNonNull(number, "number");
        }
    }
}
