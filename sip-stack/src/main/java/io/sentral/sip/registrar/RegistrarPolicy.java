package io.sentral.sip.registrar;

import java.time.Duration;

/** Registrar limits: expiry bounds and the most contacts one address of record may hold. */
public record RegistrarPolicy(Duration minExpires, Duration maxExpires, Duration defaultExpires, int maxContacts) {
    public RegistrarPolicy {
        if (minExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("minExpires " + minExpires + " exceeds maxExpires " + maxExpires);
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("maxContacts must be at least 1");
        }
    }
}
