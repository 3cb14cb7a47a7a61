package io.sentral.sip.registrar;

import io.sentral.core.registration.Binding;
import java.util.List;

/** What the registrar decided for one REGISTER. */
public sealed interface RegisterOutcome {

    /** The bindings of the AOR after the request (the 200 OK lists them). */
    record Updated(List<Binding> bindings, boolean changed) implements RegisterOutcome {
        public Updated {
            bindings = List.copyOf(bindings);
        }
    }

    /** A requested expiry is below the minimum: 423 with Min-Expires (RFC 3261 §10.3 step 7). */
    record TooBrief(long minExpiresSeconds) implements RegisterOutcome {
    }

    /** The request cannot be applied: 400 with this reason. */
    record Invalid(String reason) implements RegisterOutcome {
    }
}
