package io.sentral.core.switchboard;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's figures for a period (S13): queue calls distributed to (offered) and answered by the
 * agent, the average talk time of those answered, calls the agent transferred, and outgoing calls.
 */
public record AgentStatistics(UserId agent, long offered, long answered, Duration averageTalk, long transferred,
                              long outgoing) {
    public AgentStatistics {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(averageTalk, "averageTalk");
    }

    /** Answered as a share of offered, in percent with one decimal; empty when nothing was offered. */
    public Optional<Double> answerPercent() {
        return offered == 0 ? Optional.empty() : Optional.of(Math.round(answered * 1000.0 / offered) / 10.0);
    }
}
