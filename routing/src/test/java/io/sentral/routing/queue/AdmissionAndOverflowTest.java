package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.EVA;
import static io.sentral.routing.queue.QueueFixture.HELP;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.START;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.WhenNoAgent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admission rules at the door and the overflow triggers (S4). */
class AdmissionAndOverflowTest {
    private final QueueFixture f = new QueueFixture();

    @Test
    void aFullQueueOverflowsTheNewCaller() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWaiting(2).overflowTo(HELP), queue(HELP, BOB));
        join(engine, "c1", CARLA, SALES);
        join(engine, "c2", DAN, SALES);

        QueueDecision third = join(engine, "c3", EVA, SALES);

        assertThat(third.actions()).containsExactly(new QueueAction.Overflow(id("c3"), SALES,
                new CallTarget.ToQueue(HELP), OverflowReason.QUEUE_FULL, START, List.of(SALES)));
        assertThat(engine.callerState(id("c3"))).isEmpty();
        assertThat(engine.board(SALES).overflowed()).containsEntry(OverflowReason.QUEUE_FULL, 1L);
    }

    @Test
    void aFullQueueWithoutTargetRejects() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWaiting(1));
        join(engine, "c1", CARLA, SALES);

        QueueDecision second = join(engine, "c2", DAN, SALES);

        assertThat(second.actions()).containsExactly(new QueueAction.Reject(id("c2"), SALES, RejectReason.QUEUE_FULL));
        assertThat(second.events()).containsExactly(new QueueEvent.Rejected(START, SALES, id("c2"), RejectReason.QUEUE_FULL));
        assertThat(engine.board(SALES).rejected()).isEqualTo(1);
    }

    @Test
    void noAgentLoggedInOverflowsAtOnce() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP)
                .whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_LOGGED_IN), queue(HELP, BOB));

        QueueDecision joined = join(engine, "c1", CARLA, SALES);

        assertThat(joined.actions(QueueAction.Overflow.class)).extracting(QueueAction.Overflow::reason)
                .containsExactly(OverflowReason.NO_AGENTS_LOGGED_IN);
        assertThat(joined.actions(QueueAction.Queued.class)).isEmpty();
    }

    @Test
    void noneLoggedInRuleLetsCallersWaitForBusyAgents() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP)
                .whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_LOGGED_IN), queue(HELP, BOB));
        engine.logIn(ALICE);
        engine.markAbsent(ALICE);

        assertThat(join(engine, "c1", CARLA, SALES).actions()).containsExactly(new QueueAction.Queued(id("c1"), SALES, 1));
    }

    @Test
    void noAgentAvailableOverflowsAtOnce() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB).overflowTo(HELP)
                .whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE), queue(HELP, BOB));
        engine.logIn(ALICE, SALES);
        engine.logIn(BOB, SALES);
        engine.markAbsent(ALICE);
        engine.markAbsent(BOB);

        QueueDecision joined = join(engine, "c1", CARLA, SALES);

        assertThat(joined.actions(QueueAction.Overflow.class)).extracting(QueueAction.Overflow::reason)
                .containsExactly(OverflowReason.NO_AGENTS_AVAILABLE);
    }

    @Test
    void busyAgentsStillStaffTheQueueSoCallersWait() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP)
                .whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE), queue(HELP, BOB));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        engine.answered(id("c1"), ALICE);

        assertThat(join(engine, "c2", DAN, SALES).actions()).containsExactly(new QueueAction.Queued(id("c2"), SALES, 1));
    }

    @Test
    void waitPolicyKeepsCallersWithNobodyLoggedIn() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP), queue(HELP, BOB));

        assertThat(join(engine, "c1", CARLA, SALES).actions()).containsExactly(new QueueAction.Queued(id("c1"), SALES, 1));
    }

    @Test
    void noAgentRulesNeedATargetOtherwiseTheCallerWaits() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE));

        assertThat(join(engine, "c1", CARLA, SALES).actions()).containsExactly(new QueueAction.Queued(id("c1"), SALES, 1));
    }

    @Test
    void anOverflowedCallerKeepsItsOriginalWaitAndPlaceInTheNextQueue() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP), queue(HELP, BOB).maxWait(120));
        join(engine, "c1", CARLA, SALES);
        f.advance(60);
        QueueAction.Overflow moved = engine.tick().actions(QueueAction.Overflow.class).getFirst();
        join(engine, "direct", DAN, HELP);

        QueueDecision joined = engine.join(moved.joinNext(CARLA).orElseThrow());

        assertThat(joined.actions()).containsExactly(new QueueAction.Queued(id("c1"), HELP, 1));
        assertThat(joined.events(QueueEvent.Joined.class).getFirst().overflowedFrom()).contains(SALES);
        assertThat(engine.board(HELP).longestWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(joined.wakeUpAt()).as("the next queue's max wait counts from entering it").contains(f.at(180));
        engine.logIn(BOB);
        assertThat(engine.callerState(id("c1"))).contains(CallerState.OFFERED);
        f.advance(5);
        assertThat(engine.answered(id("c1"), BOB).events(QueueEvent.Answered.class).getFirst().waited())
                .isEqualTo(Duration.ofSeconds(65));
    }

    @Test
    void overflowToAQueueAlreadyVisitedIsRejectedAsALoop() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWait(10).overflowTo(HELP),
                queue(HELP, BOB).maxWait(10).overflowTo(SALES));
        join(engine, "c1", CARLA, SALES);
        f.advance(10);
        QueueAction.Overflow first = engine.tick().actions(QueueAction.Overflow.class).getFirst();
        engine.join(first.joinNext(CARLA).orElseThrow());
        f.advance(10);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).containsExactly(new QueueAction.Reject(id("c1"), HELP, RejectReason.OVERFLOW_LOOP));
    }

    @Test
    void overflowToANumberHasNoNextQueue() {
        CallTarget mobile = new CallTarget.ToNumber(E164Number.of("+4791000103"));
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWait(5).overflowTo(mobile));
        join(engine, "c1", CARLA, SALES);
        f.advance(5);

        QueueAction.Overflow overflow = engine.tick().actions(QueueAction.Overflow.class).getFirst();

        assertThat(overflow.target()).isEqualTo(mobile);
        assertThat(overflow.joinNext(CARLA)).isEmpty();
    }

    @Test
    void aCallerCannotBeQueuedTwice() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        join(engine, "c1", CARLA, SALES);

        assertThatThrownBy(() -> join(engine, "c1", CARLA, SALES)).hasMessageContaining("c1");
        assertThatThrownBy(() -> join(engine, "c2", CARLA, io.sentral.core.switchboard.QueueName.of("Nope")))
                .hasMessageContaining("Nope");
    }

    @Test
    void offersAreMadeInTheSameDecisionAsTheQueuedAnswer() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        engine.logIn(ALICE);

        QueueDecision joined = join(engine, "c1", CARLA, SALES);

        assertThat(joined.actions().getFirst()).isInstanceOf(QueueAction.Queued.class);
        assertThat(offered(joined)).containsExactly(ALICE);
    }
}
