package io.sentral.routing.queue;

import static io.sentral.routing.queue.CallerState.ABANDONED;
import static io.sentral.routing.queue.CallerState.CONNECTED;
import static io.sentral.routing.queue.CallerState.ENDED;
import static io.sentral.routing.queue.CallerState.OFFERED;
import static io.sentral.routing.queue.CallerState.OVERFLOWED;
import static io.sentral.routing.queue.CallerState.TIMED_OUT;
import static io.sentral.routing.queue.CallerState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The declared caller transition table, state by state, as in {@link CallerState}'s diagram. */
class CallerStateTableTest {

    @Test
    void waitingIsOfferedOrLeaves() {
        assertThat(WAITING.next()).containsExactlyInAnyOrder(OFFERED, ABANDONED, OVERFLOWED, TIMED_OUT);
    }

    @Test
    void offeredIsConnectedFallsBackToWaitingOrLeaves() {
        assertThat(OFFERED.next()).containsExactlyInAnyOrder(WAITING, CONNECTED, ABANDONED, OVERFLOWED, TIMED_OUT);
    }

    @Test
    void connectedOnlyEnds() {
        assertThat(CONNECTED.next()).containsExactly(ENDED);
        assertThat(CONNECTED.canMoveTo(WAITING)).isFalse();
    }

    @Test
    void leavingStatesAreFinal() {
        for (CallerState state : EnumSet.of(ENDED, ABANDONED, OVERFLOWED, TIMED_OUT)) {
            assertThat(state.isFinal()).as(state.name()).isTrue();
            assertThat(state.next()).as(state.name()).isEmpty();
            assertThat(state.isInQueue()).as(state.name()).isFalse();
        }
    }

    @Test
    void onlyWaitingAndOfferedCountAsInLine() {
        assertThat(EnumSet.allOf(CallerState.class).stream().filter(CallerState::isInQueue))
                .containsExactlyInAnyOrder(WAITING, OFFERED);
    }
}
