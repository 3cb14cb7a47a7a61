package io.sentral.app.switchboard;

import static io.sentral.app.switchboard.SwitchboardFixture.ALICE;
import static io.sentral.app.switchboard.SwitchboardFixture.BOB;
import static io.sentral.app.switchboard.SwitchboardFixture.DAN;
import static io.sentral.app.switchboard.SwitchboardFixture.EVA;
import static io.sentral.app.switchboard.SwitchboardFixture.SENTRALBORD;
import static io.sentral.app.switchboard.SwitchboardFixture.queue;
import static io.sentral.app.switchboard.SwitchboardFixture.ringTimeout;
import static io.sentral.app.switchboard.SwitchboardFixture.vips;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.routing.queue.AgentState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Provisioning changes picked up by the sync: VIP lists at once, queue changes once nobody waits. */
class QueueProvisioningSyncTest {
    private final SwitchboardFixture f = new SwitchboardFixture();

    @Test
    void aChangedVipListReordersTheCallersWaiting() {
        f.logIn(ALICE, BOB);
        f.join("a", DAN, SENTRALBORD);
        f.runtime.offerAnswered("a", ALICE);
        f.join("b", DAN, SENTRALBORD);
        f.runtime.offerAnswered("b", BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.join("c2", EVA, SENTRALBORD);
        f.edge.take();

        f.provision(vips(EVA));
        f.advance(1);

        assertThat(f.board(SENTRALBORD).waiting()).extracting(w -> w.callId().value()).containsExactly("c2", "c1");
        f.runtime.callEnded("a");
        f.advance(5);
        assertThat(f.edge.take()).containsExactly("offer c2 Sentralbord [alice]");
    }

    @Test
    void aChangedQueueRunsWithItsNewSettingsFromTheNextSync() {
        f.logIn(ALICE, BOB);
        f.provision(queue(SENTRALBORD, ringTimeout(Duration.ofSeconds(20))));
        f.advance(1);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.advance(15);
        assertThat(f.edge.take()).isEmpty();
        f.advance(5);

        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "offer c1 Sentralbord [bob]");
    }

    @Test
    void aQueueChangeWaitsUntilNobodyWaitsAndKeepsConnectedAgentsBusy() {
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();
        f.provision(queue(SENTRALBORD, ringTimeout(Duration.ofSeconds(20))));
        f.advance(1);
        f.advance(13);
        assertThat(f.edge.take()).as("the old engine still rings 15 s").isEmpty();
        f.runtime.offerAnswered("c1", ALICE);
        assertThat(f.edge.take()).containsExactly("connect c1 alice");

        f.advance(1);
        f.join("c2", EVA, SENTRALBORD);

        assertThat(f.edge.take()).as("alice is still on c1").containsExactly("queued c2 Sentralbord 1",
                "offer c2 Sentralbord [bob]");
        f.advance(15);
        f.runtime.callEnded("c1");
        assertThat(f.board(SENTRALBORD).agents()).containsEntry(ALICE, AgentState.AVAILABLE);
        f.advance(5);
        assertThat(f.edge.take()).as("the new engine rings 20 s").containsExactly("cancel c2 bob",
                "offer c2 Sentralbord [alice]");
    }
}
