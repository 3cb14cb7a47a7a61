package io.sentral.testkit;

import java.util.Objects;

/**
 * What a {@link SipTestAgent} does on its own, as the transaction layer of a real UA would.
 *
 * @param autoAckNon2xx acknowledge final non-2xx responses to our INVITEs (RFC 3261 §17.1.1.3),
 *                      so the server stops retransmitting them; a test may still call
 *                      {@link SipTestAgent#ack} (a second ACK is harmless)
 * @param answerOptions answer OPTIONS with 200 OK (gateway keep-alive pings); the OPTIONS is still
 *                      queued for tests that want to see it
 * @param userAgent     the User-Agent / Server header value
 */
public record AgentOptions(boolean autoAckNon2xx, boolean answerOptions, String userAgent) {
    public AgentOptions {
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public static AgentOptions defaults() {
        return new AgentOptions(true, true, "sentral-testkit");
    }

    public AgentOptions withAutoAckNon2xx(boolean enabled) {
        return new AgentOptions(enabled, answerOptions, userAgent);
    }

    public AgentOptions withAnswerOptions(boolean enabled) {
        return new AgentOptions(autoAckNon2xx, enabled, userAgent);
    }

    public AgentOptions withUserAgent(String name) {
        return new AgentOptions(autoAckNon2xx, answerOptions, name);
    }
}
