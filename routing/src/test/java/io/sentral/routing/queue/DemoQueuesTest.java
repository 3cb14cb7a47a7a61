package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.CAROL;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.EVA;
import static io.sentral.routing.queue.QueueFixture.START;
import static io.sentral.routing.queue.QueueFixture.VIP;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.ConfigLoader;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo tenant fjord as DEMO.md provisions it (loaded from the shipped demo.yaml):
 * Sentralbord (alice, bob; longest-idle, 15 s ring, 5 s wrap-up, 60 s max wait, 20 max,
 * overflow to Support) and Support (carol; ring-all, 120 s max wait, overflow to carol's mobile).
 */
class DemoQueuesTest {
    private static final QueueName SENTRALBORD = QueueName.of("Sentralbord");
    private static final QueueName SUPPORT = QueueName.of("Support");
    private static final E164Number CAROL_MOBILE = E164Number.of("+4791000103");
    private static final TenantSnapshot DEMO =
            TenantSnapshot.of(ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE).customers());

    private final QueueFixture f = new QueueFixture();
    private final QueueEngine engine = QueueEngine.forTenant(DEMO, QueueFixture.FJORD, f.clock);

    private void everyoneLoggedIn() {
        engine.logIn(ALICE);
        engine.logIn(BOB);
        engine.logIn(CAROL);
    }

    private void aliceAndBobOnCalls() {
        join(engine, "a", CARLA, SENTRALBORD);
        engine.answered(id("a"), ALICE);
        join(engine, "b", CARLA, SENTRALBORD);
        engine.answered(id("b"), BOB);
    }

    @Test
    void aCallerReachesAliceOrBob() {
        everyoneLoggedIn();

        QueueDecision joined = join(engine, "c1", DAN, SENTRALBORD);

        assertThat(joined.actions().getFirst()).isEqualTo(new QueueAction.Queued(id("c1"), SENTRALBORD, 1));
        assertThat(offered(joined)).containsExactly(ALICE);
        assertThat(joined.actions(QueueAction.Offer.class).getFirst().ringUntil()).isEqualTo(f.at(15));
    }

    @Test
    void aliceNotAnsweringIn15SecondsRingsBob() {
        everyoneLoggedIn();
        join(engine, "c1", DAN, SENTRALBORD);
        f.advance(15);

        assertThat(offered(engine.tick())).containsExactly(BOB);
    }

    @Test
    void aVipWhoArrivesLaterIsAnsweredFirst() {
        everyoneLoggedIn();
        aliceAndBobOnCalls();
        join(engine, "c1", DAN, SENTRALBORD);
        f.advance(10);
        assertThat(join(engine, "vip", VIP, SENTRALBORD).actions())
                .containsExactly(new QueueAction.Queued(id("vip"), SENTRALBORD, 1));
        f.advance(10);
        QueueDecision end = engine.callEnded(id("a"));
        assertThat(end.wakeUpAt()).as("5 s wrap-up").contains(f.at(25));
        f.advance(5);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).containsExactly(
                new QueueAction.Offer(id("vip"), SENTRALBORD, java.util.Optional.of(VIP), List.of(ALICE), f.at(40)));
    }

    @Test
    void maxWaitOverflowsToSupportWhereCarolIsRung() {
        everyoneLoggedIn();
        aliceAndBobOnCalls();
        join(engine, "c1", DAN, SENTRALBORD);
        f.advance(60);

        QueueAction.Overflow overflow = engine.tick().actions(QueueAction.Overflow.class).getFirst();
        QueueDecision support = engine.join(overflow.joinNext(DAN).orElseThrow());

        assertThat(overflow.reason()).isEqualTo(OverflowReason.MAX_WAIT);
        assertThat(offered(support)).containsExactly(CAROL);
        f.advance(3);
        assertThat(engine.answered(id("c1"), CAROL).events(QueueEvent.Answered.class).getFirst())
                .isEqualTo(new QueueEvent.Answered(f.at(63), SUPPORT, id("c1"), CAROL, Duration.ofSeconds(63)));
        assertThat(engine.board(SENTRALBORD).overflowed()).containsEntry(OverflowReason.MAX_WAIT, 1L);
    }

    @Test
    void nobodyLoggedInOverflowsAtOnceThroughSupportToCarolsMobile() {
        QueueAction.Overflow first = join(engine, "c1", DAN, SENTRALBORD).actions(QueueAction.Overflow.class).getFirst();

        QueueDecision support = engine.join(first.joinNext(DAN).orElseThrow());

        assertThat(first.reason()).isEqualTo(OverflowReason.NO_AGENTS_LOGGED_IN);
        assertThat(support.actions()).containsExactly(new QueueAction.Overflow(id("c1"), SUPPORT,
                new CallTarget.ToNumber(CAROL_MOBILE), OverflowReason.NO_AGENTS_LOGGED_IN, START,
                List.of(SENTRALBORD, SUPPORT)));
    }

    @Test
    void theTwentyFirstWaitingCallerOverflowsAsQueueFull() {
        everyoneLoggedIn();
        aliceAndBobOnCalls();
        for (int i = 1; i <= 20; i++) {
            join(engine, "w" + i, EVA, SENTRALBORD);
        }
        assertThat(engine.board(SENTRALBORD).callersWaiting()).isEqualTo(20);

        QueueDecision full = join(engine, "w21", EVA, SENTRALBORD);

        assertThat(full.actions(QueueAction.Overflow.class)).extracting(QueueAction.Overflow::reason)
                .containsExactly(OverflowReason.QUEUE_FULL);
    }

    @Test
    void theBoardShowsWaitingCallersAgentsAndCounts() {
        everyoneLoggedIn();
        aliceAndBobOnCalls();
        join(engine, "c1", DAN, SENTRALBORD);
        f.advance(7);
        engine.callerHungUp(id("c1"));
        join(engine, "c2", DAN, SENTRALBORD);
        f.advance(4);

        QueueBoard board = engine.board(SENTRALBORD);

        assertThat(board.callersWaiting()).isEqualTo(1);
        assertThat(board.longestWait()).isEqualTo(Duration.ofSeconds(4));
        assertThat(board.agentsByState()).containsEntry(AgentState.BUSY, 2).containsEntry(AgentState.AVAILABLE, 0);
        assertThat(board.answered()).isEqualTo(2);
        assertThat(board.abandoned()).isEqualTo(1);
        assertThat(engine.boards()).extracting(QueueBoard::queue).containsExactly(SENTRALBORD, SUPPORT);
    }
}
