package io.sentral.app.switchboard;

import static io.sentral.app.switchboard.SwitchboardFixture.ALICE;
import static io.sentral.app.switchboard.SwitchboardFixture.BOB;
import static io.sentral.app.switchboard.SwitchboardFixture.CAROL;
import static io.sentral.app.switchboard.SwitchboardFixture.CAROL_MOBILE;
import static io.sentral.app.switchboard.SwitchboardFixture.DAN;
import static io.sentral.app.switchboard.SwitchboardFixture.EVA;
import static io.sentral.app.switchboard.SwitchboardFixture.FJORD;
import static io.sentral.app.switchboard.SwitchboardFixture.SENTRALBORD;
import static io.sentral.app.switchboard.SwitchboardFixture.SUPPORT;
import static io.sentral.app.switchboard.SwitchboardFixture.VIP;
import static io.sentral.app.switchboard.SwitchboardFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.routing.queue.CallId;
import io.sentral.routing.queue.QueueBoard;
import io.sentral.routing.queue.QueueEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo switchboard through the runtime, from the edge's side: what the edge reports
 * ({@code QueueCalls}) and what it is told to do ({@code QueueCallControl}), with agents logged in
 * by registering.
 *
 * <pre>
 *  edge                    QueueRuntime (lane)               QueueEngine(fjord)
 *   |--join(c1)------------->|--join------------------------->|
 *   |<-queued c1, offer c1---|<-Queued, Offer(alice)----------|
 *   |--offerAnswered(c1)---->|--answered--------------------->|
 *   |<-connect c1 alice------|<-Connect-----------------------|
 * </pre>
 */
class QueueRuntimeTest {

    @Test
    void aCallerIsQueuedAndOfferedToTheLongestIdleLoggedInAgent() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(BOB);
        f.advance(10);
        f.logIn(ALICE);

        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [bob]");
    }

    @Test
    void withNobodyLoggedInACallerOverflowsAtOnceThroughSupportToCarolsMobile() {
        SwitchboardFixture f = new SwitchboardFixture();

        f.join("c1", DAN, SENTRALBORD);

        assertThat(f.edge.take()).containsExactly("overflow c1 Sentralbord -> queue Support",
                "overflow c1 Support -> number " + CAROL_MOBILE);
        assertThat(f.edge.overflows()).containsExactly(
                new RecordingEdge.Overflow("c1", SENTRALBORD, new CallTarget.ToQueue(SUPPORT), f.at(0),
                        List.of(SENTRALBORD)),
                new RecordingEdge.Overflow("c1", SUPPORT, new CallTarget.ToNumber(CAROL_MOBILE), f.at(0),
                        List.of(SENTRALBORD, SUPPORT)));
    }

    @Test
    void theFirstAnswerConnectsAndCancelsTheOtherOffers() {
        SwitchboardFixture f = new SwitchboardFixture(queue(SENTRALBORD, SwitchboardFixture::ringAll));
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice, bob]");

        f.runtime.offerAnswered("c1", BOB);

        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "connect c1 bob");
    }

    @Test
    void anAgentWhoDoesNotAnswerWithinTheRingTimeoutIsFollowedByTheNext() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]");

        f.advance(14);
        assertThat(f.edge.take()).isEmpty();
        f.advance(1);

        assertThat(f.edge.take()).containsExactly("cancel c1 alice", "offer c1 Sentralbord [bob]");
    }

    @Test
    void aDeclinedOfferGoesToTheNextAgentAtOnce() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.runtime.offerFailed("c1", ALICE);

        assertThat(f.edge.take()).containsExactly("offer c1 Sentralbord [bob]");
    }

    @Test
    void maxWaitOverflowsToSupportKeepingTheOriginalJoin() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB, CAROL);
        aliceAndBobOnCalls(f);
        f.join("c1", DAN, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1");

        f.advance(59);
        assertThat(f.edge.take()).isEmpty();
        f.advance(1);

        assertThat(f.edge.take()).containsExactly("overflow c1 Sentralbord -> queue Support",
                "queued c1 Support 1", "offer c1 Support [carol]");
        assertThat(f.edge.overflows().getFirst()).isEqualTo(new RecordingEdge.Overflow("c1", SENTRALBORD,
                new CallTarget.ToQueue(SUPPORT), f.at(0), List.of(SENTRALBORD)));
        f.advance(3);
        f.runtime.offerAnswered("c1", CAROL);
        assertThat(f.edge.take()).containsExactly("connect c1 carol");
        assertThat(f.events(QueueEvent.Answered.class).getLast()).isEqualTo(
                new QueueEvent.Answered(f.at(63), SUPPORT, CallId.of("c1"), CAROL, Duration.ofSeconds(63)));
    }

    @Test
    void aVipWhoArrivesLaterIsAnsweredFirst() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        aliceAndBobOnCalls(f);
        f.join("c1", DAN, SENTRALBORD);
        f.advance(10);
        f.join("vip", VIP, SENTRALBORD);
        assertThat(f.edge.take()).containsExactly("queued c1 Sentralbord 1", "queued vip Sentralbord 1");
        assertThat(f.board(SENTRALBORD).waiting()).extracting(w -> w.callId().value()).containsExactly("vip", "c1");

        f.runtime.callEnded("a");
        f.advance(5);

        assertThat(f.edge.take()).containsExactly("offer vip Sentralbord [alice]");
    }

    @Test
    void aCallerWhoHangsUpIsAbandonedAndItsOfferCancelled() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();
        f.advance(7);

        f.runtime.callerLeft("c1");

        assertThat(f.edge.take()).containsExactly("cancel c1 alice");
        assertThat(f.board(SENTRALBORD).abandoned()).isEqualTo(1);
        assertThat(f.events(QueueEvent.Abandoned.class)).extracting(QueueEvent.Abandoned::waited)
                .containsExactly(Duration.ofSeconds(7));
        f.advance(15);
        assertThat(f.edge.take()).as("no tick acts on the gone caller").isEmpty();
    }

    @Test
    void wrapUpKeepsAnAgentFromTheNextCallForFiveSeconds() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);
        f.join("a", EVA, SENTRALBORD);
        f.runtime.offerAnswered("a", ALICE);
        f.join("c1", DAN, SENTRALBORD);
        f.edge.take();

        f.runtime.callEnded("a");
        f.advance(4);
        assertThat(f.edge.take()).isEmpty();
        f.advance(1);

        assertThat(f.edge.take()).containsExactly("offer c1 Sentralbord [alice]");
    }

    @Test
    void theBoardsShowEveryQueueOfEveryTenantWithQueues() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE, BOB);
        f.join("c1", DAN, SENTRALBORD);
        f.advance(4);

        var boards = f.runtime.boards().join();

        assertThat(boards).containsOnlyKeys(FJORD);
        assertThat(boards.get(FJORD)).extracting(QueueBoard::queue).containsExactly(SENTRALBORD, SUPPORT);
        QueueBoard sentralbord = boards.get(FJORD).getFirst();
        assertThat(sentralbord.callersWaiting()).isEqualTo(1);
        assertThat(sentralbord.longestWait()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void queueEventsReachTheSinkInOrder() {
        SwitchboardFixture f = new SwitchboardFixture();
        f.logIn(ALICE);
        f.events.clear();

        f.join("c1", DAN, SENTRALBORD);
        f.runtime.offerAnswered("c1", ALICE);

        assertThat(f.events).filteredOn(QueueEvent.CallerEvent.class::isInstance)
                .extracting(e -> e.getClass().getSimpleName()).containsExactly("Joined", "Offered", "Answered");
    }

    /** Alice answers call a and Bob call b, so both are busy. */
    private static void aliceAndBobOnCalls(SwitchboardFixture f) {
        f.join("a", EVA, SENTRALBORD);
        f.runtime.offerAnswered("a", ALICE);
        f.join("b", EVA, SENTRALBORD);
        f.runtime.offerAnswered("b", BOB);
        f.edge.take();
    }
}
