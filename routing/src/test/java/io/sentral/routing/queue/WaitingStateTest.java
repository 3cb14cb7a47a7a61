package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.HELP;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.WhenNoAgent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A caller in {@link CallerState#WAITING}: in line, nobody ringing for it. */
class WaitingStateTest {
    private final QueueFixture f = new QueueFixture();

    @Test
    void aCallerNobodyCanTakeWaitsWithA182Position() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));

        QueueDecision first = join(engine, "c1", CARLA, SALES);
        QueueDecision second = join(engine, "c2", DAN, SALES);

        assertThat(first.actions()).containsExactly(new QueueAction.Queued(id("c1"), SALES, 1));
        assertThat(second.actions()).containsExactly(new QueueAction.Queued(id("c2"), SALES, 2));
        assertThat(second.events(QueueEvent.Joined.class)).singleElement()
                .satisfies(j -> assertThat(j.overflowedFrom()).isEmpty());
        assertThat(engine.callerState(id("c1"))).contains(CallerState.WAITING);
        assertThat(second.wakeUpAt()).contains(f.at(60));
    }

    @Test
    void isOfferedAsSoonAsAnAgentLogsIn() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        join(engine, "c1", CARLA, SALES);

        QueueDecision login = engine.logIn(ALICE, SALES);

        assertThat(offered(login)).containsExactly(ALICE);
        assertThat(login.actions(QueueAction.Offer.class).getFirst().ringUntil()).isEqualTo(f.at(15));
        assertThat(engine.callerState(id("c1"))).contains(CallerState.OFFERED);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.RINGING);
        assertThat(login.events(QueueEvent.AgentStateChanged.class)).extracting(QueueEvent.AgentStateChanged::to)
                .containsExactly(AgentState.RINGING);
    }

    @Test
    void hangingUpIsAbandonWithTheWaitTime() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        join(engine, "c1", CARLA, SALES);
        f.advance(12);

        QueueDecision hangUp = engine.callerHungUp(id("c1"));

        assertThat(hangUp.actions()).isEmpty();
        assertThat(hangUp.events()).containsExactly(
                new QueueEvent.Abandoned(f.at(12), SALES, id("c1"), Duration.ofSeconds(12)));
        assertThat(engine.callerState(id("c1"))).isEmpty();
        assertThat(engine.board(SALES).abandoned()).isEqualTo(1);
        assertThat(engine.board(SALES).callersWaiting()).isZero();
        assertThat(hangUp.wakeUpAt()).isEmpty();
    }

    @Test
    void maxWaitOverflowsWithTheOriginalJoinTime() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP), queue(HELP, BOB));
        join(engine, "c1", CARLA, SALES);
        f.advance(59);
        assertThat(engine.tick().actions()).isEmpty();
        f.advance(1);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).containsExactly(new QueueAction.Overflow(id("c1"), SALES,
                new CallTarget.ToQueue(HELP), OverflowReason.MAX_WAIT, QueueFixture.START, List.of(SALES)));
        assertThat(tick.events()).containsExactly(new QueueEvent.Overflowed(f.at(60), SALES, id("c1"),
                OverflowReason.MAX_WAIT, new CallTarget.ToQueue(HELP), Duration.ofSeconds(60)));
        assertThat(engine.callerState(id("c1"))).isEmpty();
        assertThat(engine.board(SALES).overflowed()).containsEntry(OverflowReason.MAX_WAIT, 1L);
    }

    @Test
    void maxWaitWithoutCallTargetTimesOut() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWait(30));
        join(engine, "c1", CARLA, SALES);
        f.advance(30);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).containsExactly(new QueueAction.Reject(id("c1"), SALES, RejectReason.TIMED_OUT));
        assertThat(tick.events()).containsExactly(
                new QueueEvent.TimedOut(f.at(30), SALES, id("c1"), Duration.ofSeconds(30)));
        assertThat(engine.board(SALES).timedOut()).isEqualTo(1);
    }

    @Test
    void zeroMaxWaitMeansNoLimit() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWait(0));
        QueueDecision joined = join(engine, "c1", CARLA, SALES);
        f.advance(3600);

        assertThat(joined.wakeUpAt()).isEmpty();
        assertThat(engine.tick().actions()).isEmpty();
        assertThat(engine.callerState(id("c1"))).contains(CallerState.WAITING);
    }

    @Test
    void allAgentsGoingAbsentOverflowsAWaitingCallerWhenTheQueueSaysSo() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).overflowTo(HELP)
                .whenNoAgent(WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE), queue(HELP, BOB));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        engine.answered(id("c1"), ALICE);
        join(engine, "c2", DAN, SALES);
        assertThat(engine.callerState(id("c2"))).contains(CallerState.WAITING);

        QueueDecision absent = engine.markAbsent(ALICE);

        assertThat(absent.actions(QueueAction.Overflow.class)).singleElement()
                .satisfies(o -> assertThat(o.reason()).isEqualTo(OverflowReason.NO_AGENTS_AVAILABLE));
        assertThat(engine.callerState(id("c2"))).isEmpty();
    }

    @Test
    void unknownCallsChangeNothing() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));

        assertThat(engine.callerHungUp(id("nope"))).isEqualTo(new QueueDecision(List.of(), List.of(), Optional.empty()));
        assertThat(engine.answered(id("nope"), ALICE).actions()).isEmpty();
    }
}
