package io.sentral.core.registration;

import java.time.Instant;
import java.util.List;

/** Port: durable registrar bindings, so that a restarted server still reaches registered PBXs. */
public interface RegistrationStore {

    /** All bindings that have not expired at {@code now}. */
    List<Binding> loadActive(Instant now);

    /** Replaces every binding of {@code aor} with {@code bindings} (empty = unregistered), atomically. */
    void replace(String aor, List<Binding> bindings);

    /** Deletes bindings that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
