package io.sentral.core.switchboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: users' absences (S6), read by routing (direct calls follow the absence forwarding), the
 * queues (absent agents are skipped) and the directory. Implementations answer from memory.
 */
public interface AbsenceBook {

    /** Every absence recorded for the user, earliest first. */
    List<Absence> absencesOf(UserId user);

    /** The absence in force at {@code instant}, if any (the one that started last when several overlap). */
    default Optional<Absence> absenceAt(UserId user, Instant instant) {
        return absencesOf(user).stream().filter(a -> a.activeAt(instant))
                .reduce((earlier, later) -> later.start().isBefore(earlier.start()) ? earlier : later);
    }

    /** Nobody is ever absent (tests of routing without absences). */
    AbsenceBook NONE = user -> List.of();
}
