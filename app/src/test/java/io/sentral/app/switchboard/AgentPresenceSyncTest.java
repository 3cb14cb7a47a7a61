package io.sentral.app.switchboard;

import static io.sentral.app.switchboard.SwitchboardFixture.ALICE;
import static io.sentral.app.switchboard.SwitchboardFixture.BOB;
import static io.sentral.app.switchboard.SwitchboardFixture.DAN;
import static io.sentral.app.switchboard.SwitchboardFixture.SENTRALBORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.routing.queue.AgentState;
import io.sentral.routing.queue.QueueEvent;
import org.junit.jupiter.api.Test;

/**
 * Agents' presence as the periodic sync reads it: logged in while a device is registered
 * (DEMO.md), absent while the absence book says so (S6), busy while on a call outside the queues.
 */
class AgentPresenceSyncTest {
    private final SwitchboardFixture f = new SwitchboardFixture();

    @Test
    void anAgentIsLoggedInAtTheFirstSyncAfterADeviceRegisters() {
        f.register(ALICE);
        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.LOGGED_OUT);

        f.advance(1);

        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.AVAILABLE);
        assertThat(f.events(QueueEvent.AgentStateChanged.class)).containsExactly(
                new QueueEvent.AgentStateChanged(f.at(1), ALICE, AgentState.LOGGED_OUT, AgentState.AVAILABLE));
    }

    @Test
    void aCallerFindsAnAgentWhosePhoneRegisteredSinceTheLastSync() {
        f.register(ALICE);

        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]");
    }

    @Test
    void anAbsentAgentIsSkipped() {
        f.absentFromNow(ALICE);
        f.logIn(ALICE, BOB);

        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [bob]");
        assertThat(f.events(QueueEvent.AgentStateChanged.class)).as("never available while absent")
                .filteredOn(e -> e.agent().equals(ALICE)).extracting(QueueEvent.AgentStateChanged::to)
                .containsExactly(AgentState.ABSENT);
    }

    @Test
    void anAgentIsAvailableAgainWhenTheAbsenceEnds() {
        f.absentFromNow(ALICE);
        f.logIn(ALICE);
        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.ABSENT);

        f.advance(3600);

        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.AVAILABLE);
    }

    @Test
    void anAgentBeingRungIsLoggedOutWhenTheLastDeviceUnregistersAndTheNextAgentIsRung() {
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.registrar.unregister(ALICE);
        f.advance(1);

        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "offer c1 Sentralbord [bob]");
        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.LOGGED_OUT);
    }

    @Test
    void whenTheLastAgentLogsOutAWaitingCallerOverflowsAtOnce() {
        f.logIn(ALICE);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.registrar.unregister(ALICE);
        f.runtime.syncNow();

        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "overflow c1 Sentralbord -> queue Support",
                "overflow c1 Support -> number +4791000103");
    }

    @Test
    void anAgentOnAnotherCallIsNotOfferedQueueCallsUntilItEnds() {
        f.logIn(ALICE, BOB);
        f.runtime.agentOnOtherCall(ALICE, true);
        f.join("c1", DAN, SENTRALBORD);
        f.runtime.offerAnswered("c1", BOB);
        f.edge.take();

        f.join("c2", DAN, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c2 Sentralbord 1");
        f.runtime.agentOnOtherCall(ALICE, false);

        assertThat(f.edge.take()).as("no wrap-up after a direct call").containsExactly("offer c2 Sentralbord [alice]");
    }

    @Test
    void anUnmatchedEndOfAnotherCallIsIgnored() {
        f.logIn(ALICE);

        f.runtime.agentOnOtherCall(ALICE, false);
        f.runtime.agentOnOtherCall(ALICE, true);

        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.BUSY);
    }
}
