package io.sentral.routing.queue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a queued caller is (S2-S4). A caller exists in the engine once admitted; a caller
 * overflowed or rejected at the door never becomes one (the admission rules decide that).
 *
 * <pre>
 * WAITING   --agents picked, offer sent-------------------> OFFERED
 * WAITING   --caller hangs up-----------------------------> ABANDONED
 * WAITING   --max wait / nobody left to ring, has target---> OVERFLOWED
 * WAITING   --max wait, no overflow target-----------------> TIMED_OUT
 * OFFERED   --every offered agent missed, declined or left-> WAITING
 * OFFERED   --an offered agent answers---------------------> CONNECTED (other offers cancelled)
 * OFFERED   --caller hangs up / max wait-------------------> ABANDONED / OVERFLOWED / TIMED_OUT
 * CONNECTED --either side hangs up-------------------------> ENDED (agent goes to wrap-up)
 * </pre>
 */
public enum CallerState {
    WAITING,
    OFFERED,
    CONNECTED,
    ENDED,
    ABANDONED,
    OVERFLOWED,
    TIMED_OUT;

    private static final Map<CallerState, Set<CallerState>> NEXT = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            WAITING, EnumSet.of(OFFERED, ABANDONED, OVERFLOWED, TIMED_OUT),
            OFFERED, EnumSet.of(WAITING, CONNECTED, ABANDONED, OVERFLOWED, TIMED_OUT),
            CONNECTED, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(CallerState.class),
            ABANDONED, EnumSet.noneOf(CallerState.class),
            OVERFLOWED, EnumSet.noneOf(CallerState.class),
            TIMED_OUT, EnumSet.noneOf(CallerState.class))));

    /** Whether the table allows going from this state to {@code next}. */
    public boolean canMoveTo(CallerState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states the table allows after this one. */
    public Set<CallerState> next() {
        Set<CallerState> next = NEXT.get(this);
        return next.isEmpty() ? Set.of() : Set.copyOf(next);
    }

    /** Whether the caller has left the queue: no transition leads out of this state. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Whether the caller still counts as waiting in the queue (board, max waiting, position). */
    public boolean isInQueue() {
        return this == WAITING || this == OFFERED;
    }
}
