package io.sentral.sip.auth;

/** The outcome of checking digest credentials; mapped to a SIP answer by the handler. */
public sealed interface DigestVerdict {

    /** The credentials prove the password of {@code username}. */
    record Accepted(String username) implements DigestVerdict {
    }

    /** The response was right but the nonce has expired: challenge again with {@code stale=true}. */
    record Stale() implements DigestVerdict {
    }

    /** The nonce is not one we issued (or from before a restart): challenge again. */
    record UnknownNonce() implements DigestVerdict {
    }

    /** Wrong password, unknown user, wrong realm or a replayed nonce count: 403. */
    record Rejected(String reason) implements DigestVerdict {
    }

    /** The header lacks a required parameter or has an unusable value: 400. */
    record Malformed(String reason) implements DigestVerdict {
    }
}
