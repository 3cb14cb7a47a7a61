package io.sentral.sip.registrar;

import io.sentral.core.tenant.SipEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * A REGISTER reduced to what the registrar decides on (RFC 3261 §10.3).
 *
 * @param wildcard      {@code Contact: *} (remove all bindings)
 * @param expiresHeader the Expires header, if present
 */
public record RegisterRequest(String aor, List<ContactRequest> contacts, boolean wildcard,
                              Optional<Long> expiresHeader, String callId, long cseq, SipEndpoint source) {
    public RegisterRequest {
        contacts = List.copyOf(contacts);
    }
}
