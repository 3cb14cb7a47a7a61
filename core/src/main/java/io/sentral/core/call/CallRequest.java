package io.sentral.core.call;

import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know about a new call, extracted by the SIP edge from the INVITE.
 * Identity fields are the raw user parts as received; routing normalises and checks them.
 *
 * @param callId        Call-ID of the incoming leg (for logs)
 * @param origin        who sent it
 * @param requestUser   user part of the Request-URI (the dialled number)
 * @param fromUser      user part of the From URI
 * @param assertedUser  user part of P-Asserted-Identity, if present
 * @param preferredUser user part of P-Preferred-Identity, if present
 * @param privacy       the Privacy header value, if present
 */
public record CallRequest(String callId, CallOrigin origin, String requestUser, String fromUser,
                          Optional<String> assertedUser, Optional<String> preferredUser,
                          Optional<String> privacy) {
    public CallRequest {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(requestUser, "requestUser");
        Objects.requireNonNull(fromUser, "fromUser");
        Objects.requireNonNull(assertedUser, "assertedUser");
        Objects.requireNonNull(preferredUser, "preferredUser");
        Objects.requireNonNull(privacy, "privacy");
    }

    public static CallRequest simple(String callId, CallOrigin origin, String requestUser, String fromUser) {
        return new CallRequest(callId, origin, requestUser, fromUser, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
