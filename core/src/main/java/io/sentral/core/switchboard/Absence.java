package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's absence (S6): from {@code start} until {@code end} (open-ended if empty). While absent
 * the user is skipped in queues and direct calls go to {@code forwardTo}, if given.
 *
 * @param source a manual marking, or one imported from the user's calendar feed (replaced on every sync)
 */
public record Absence(UserId user, AbsenceReason reason, Instant start, Optional<Instant> end,
                      Optional<E164Number> forwardTo, Source source) {

    public enum Source {
        MANUAL,
        CALENDAR
    }

    public Absence {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(forwardTo, "forwardTo");
        Objects.requireNonNull(source, "source");
        if (end.isPresent() && !end.get().isAfter(start)) {
            throw new IllegalArgumentException("absence of " + user + " ends (" + end.get()
                    + ") before it starts (" + start + ")");
        }
    }

    /** Whether the user is away at {@code instant} (start inclusive, end exclusive). */
    public boolean activeAt(Instant instant) {
        return !instant.isBefore(start) && end.map(instant::isBefore).orElse(true);
    }
}
