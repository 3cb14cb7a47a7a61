package io.sentral.core.switchboard;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's call forwarding (S7): where direct calls go always, when every device is busy, when
 * nobody answers within {@code noAnswerAfter}, or when no device is registered. Queue offers are
 * never forwarded (the queue skips the agent instead).
 *
 * @param noAnswerAfter how long the user's devices ring before {@code onNoAnswer} takes the call
 */
public record Forwarding(Optional<CallTarget> always, Optional<CallTarget> onBusy, Optional<CallTarget> onNoAnswer,
                         Duration noAnswerAfter, Optional<CallTarget> onUnreachable) {
    /** What a user has before configuring anything: 20 s of ringing, as most PBXs default to. */
    public static final Duration DEFAULT_NO_ANSWER_AFTER = Duration.ofSeconds(20);
    public static final Forwarding NONE = new Forwarding(Optional.empty(), Optional.empty(), Optional.empty(),
            DEFAULT_NO_ANSWER_AFTER, Optional.empty());

    public Forwarding {
        Objects.requireNonNull(always, "always");
        Objects.requireNonNull(onBusy, "onBusy");
        Objects.requireNonNull(onNoAnswer, "onNoAnswer");
        Objects.requireNonNull(noAnswerAfter, "noAnswerAfter");
        Objects.requireNonNull(onUnreachable, "onUnreachable");
        if (noAnswerAfter.isNegative() || noAnswerAfter.isZero()) {
            throw new IllegalArgumentException("forwarding on no answer needs a positive delay: " + noAnswerAfter);
        }
    }

    /** The target for a reason a call could not reach the user, if the user forwards on it. */
    public Optional<CallTarget> targetOn(DivertCondition condition) {
        return switch (condition) {
            case ALWAYS -> always;
            case BUSY -> onBusy;
            case NO_ANSWER -> onNoAnswer;
            case UNREACHABLE -> onUnreachable;
        };
    }

    /** Why a call to a user is forwarded (S7). */
    public enum DivertCondition {
        ALWAYS,
        BUSY,
        NO_ANSWER,
        UNREACHABLE
    }
}
