package io.sentral.core.registration;

import io.sentral.core.tenant.SipEndpoint;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an address of record (RFC 3261 §10.3): where to send requests for
 * {@code aor} until {@code expiresAt}. {@code callId}/{@code cseq} order refreshes; {@code source}
 * is where the REGISTER came from (for logs and NAT handling).
 */
public record Binding(String aor, String contactUri, Instant expiresAt, String callId, long cseq,
                      SipEndpoint source, float q) {
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(source, "source");
    }

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
