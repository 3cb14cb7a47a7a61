package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import java.util.Objects;

/**
 * Where a switchboard call goes next: a queue's overflow (S4), a user's forwarding (S7) or a
 * transfer (S8) — another queue, a user or a number of the public network.
 */
public sealed interface CallTarget {

    /** Another queue of the same customer; the call log keeps its name. */
    record ToQueue(QueueName queue) implements CallTarget {
        public ToQueue {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** A user of the same customer, rung on all of the user's devices. */
    record ToUser(UserId user) implements CallTarget {
        public ToUser {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A number of the public network, e.g. a user's mobile. */
    record ToNumber(E164Number number) implements CallTarget {
        public ToNumber {
            Objects.requireNonNull(number, "number");
        }
    }
}
