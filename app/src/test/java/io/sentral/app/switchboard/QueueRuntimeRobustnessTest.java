package io.sentral.app.switchboard;

import static io.sentral.app.switchboard.SwitchboardFixture.ALICE;
import static io.sentral.app.switchboard.SwitchboardFixture.BOB;
import static io.sentral.app.switchboard.SwitchboardFixture.DAN;
import static io.sentral.app.switchboard.SwitchboardFixture.EVA;
import static io.sentral.app.switchboard.SwitchboardFixture.FJORD;
import static io.sentral.app.switchboard.SwitchboardFixture.SENTRALBORD;
import static io.sentral.app.switchboard.SwitchboardFixture.SUPPORT;
import static io.sentral.app.switchboard.SwitchboardFixture.addQueue;
import static io.sentral.app.switchboard.SwitchboardFixture.noOverflow;
import static io.sentral.app.switchboard.SwitchboardFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What keeps the lane going: failing edge calls, unknown call ids, callers the engine cannot
 * take, and the SIP status a queue without overflow target ends a call with.
 */
class QueueRuntimeRobustnessTest {

    @Test
    void aFailingEdgeCallStopsNeitherTheRestOfTheDecisionNorLaterWork() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        f.edge.failOn(call -> call.startsWith("queued c1") || call.startsWith("cancel c1"));

        f.join("c1", DAN, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]");
        f.advance(15);
        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "offer c1 Sentralbord [bob]");
        f.join("c2", EVA, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("queued c2 Sentralbord 2", "offer c2 Sentralbord [alice]");
    }

    @Test
    void eventsForUnknownCallsAreIgnored() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);

        f.runtime.callerLeft("nobody");
        f.runtime.offerAnswered("nobody", ALICE);
        f.runtime.offerFailed("nobody", ALICE);
        f.runtime.callEnded("nobody");
        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]");
    }

    @Test
    void aSecondJoinOfAQueuedCallIsIgnored() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).isEmpty();
        assertThat(f.board(SENTRALBORD).callersWaiting()).isEqualTo(1);
    }

    @Test
    void aCallerOfAQueueThatIsNotRunningIsTurnedAwayWith480() {
        SwitchboardFixture f = new SwitchboardFixture();

        f.join("c1", DAN, QueueName.of("Nowhere"));

        assertThat(f.edge.take()).containsExactly(
                "reject c1 Nowhere 480 Temporarily Unavailable (queue Nowhere is not running)");
    }

    @Test
    void aQueueProvisionedSinceTheLastSyncTakesItsFirstCaller() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);
        f.provision(addQueue(new Queue(FJORD, QueueName.of("Kundeservice"), E164Number.of("+4723450060"),
                List.of(ALICE), QueueStrategy.SERIAL, Duration.ofSeconds(15), Duration.ZERO, Duration.ofSeconds(60), 0,
                Optional.empty())));

        f.join("c1", DAN, QueueName.of("Kundeservice"));

        assertThat(f.edge.take()).containsExactly("queued c1 Kundeservice 1", "offer c1 Kundeservice [alice]");
    }

    @Test
    void anAnonymousCallerQueuesLikeEverybodyElse() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);

        f.runtime.join(new QueueJoin("c1", FJORD, SENTRALBORD, Optional.empty(), Optional.empty(), List.of()));

        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]");
    }

    @Test
    void aFullQueueWithoutOverflowAnswers486() {
        SwitchboardFixture f = new SwitchboardFixture(queue(SUPPORT, noOverflow(1)));
        f.join("s1", DAN, SUPPORT);

        f.join("s2", EVA, SUPPORT);

        assertThat(f.edge.take()).containsExactly("queued s1 Support 1",
                "reject s2 Support 486 Busy Here (queue Support is full)");
    }

    @Test
    void maxWaitWithoutOverflowAnswers480() {
        SwitchboardFixture f = new SwitchboardFixture(queue(SUPPORT, noOverflow(0)));
        f.join("s1", DAN, SUPPORT);
        f.edge.take();

        f.advance(120);

        assertThat(f.edge.take()).containsExactly(
                "reject s1 Support 480 Temporarily Unavailable (queue Support: nobody answered within max wait)");
    }

    @Test
    void closingStopsTheSyncAndTheTimers() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.runtime.close();
        f.advance(60);

        assertThat(f.lane.pendingTimers()).isZero();
        assertThat(f.edge.take()).isEmpty();
    }
}
