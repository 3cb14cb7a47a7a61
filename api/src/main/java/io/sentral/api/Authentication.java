package io.sentral.api;

import java.time.Duration;
import java.util.Objects;

/** The answer to a credential: who it is, why not, or "too many failures, wait". */
public sealed interface Authentication {

    record Accepted(Caller caller) implements Authentication {
        public Accepted {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** Unknown account, wrong password, revoked token, expired session — said only in the log. */
    record Refused(String reason) implements Authentication {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many failed logins for the account or from the address: 429 until {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Authentication {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
