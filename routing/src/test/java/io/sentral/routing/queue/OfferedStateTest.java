package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.CAROL;
import static io.sentral.routing.queue.QueueFixture.HELP;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.QueueStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A caller in {@link CallerState#OFFERED}: one or more agents are being rung for it. */
class OfferedStateTest {
    private final QueueFixture f = new QueueFixture();

    @Test
    void answerConnectsWithTheWaitTime() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        f.advance(4);

        QueueDecision answer = engine.answered(id("c1"), ALICE);

        assertThat(answer.actions()).containsExactly(new QueueAction.Connect(id("c1"), ALICE));
        assertThat(answer.events(QueueEvent.Answered.class)).containsExactly(
                new QueueEvent.Answered(f.at(4), SALES, id("c1"), ALICE, Duration.ofSeconds(4)));
        assertThat(engine.callerState(id("c1"))).contains(CallerState.CONNECTED);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.BUSY);
        assertThat(engine.board(SALES).answered()).isEqualTo(1);
        assertThat(engine.board(SALES).callersWaiting()).isZero();
    }

    @Test
    void ringAllFirstAnswerWinsAndTheOthersAreCancelled() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB, CAROL).strategy(QueueStrategy.RING_ALL));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        engine.logIn(CAROL);
        assertThat(offered(join(engine, "c1", CARLA, SALES))).containsExactly(ALICE, BOB, CAROL);

        QueueDecision answer = engine.answered(id("c1"), BOB);

        assertThat(answer.actions()).containsExactly(
                new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.ANSWERED_ELSEWHERE),
                new QueueAction.CancelOffer(id("c1"), CAROL, CancelReason.ANSWERED_ELSEWHERE),
                new QueueAction.Connect(id("c1"), BOB));
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
        assertThat(engine.agentState(CAROL)).isEqualTo(AgentState.AVAILABLE);
        assertThat(engine.answered(id("c1"), ALICE).actions()).as("a late second answer").isEmpty();
    }

    @Test
    void ringTimeoutSkipsTheAgentAndRingsTheNext() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        QueueDecision joined = join(engine, "c1", CARLA, SALES);
        assertThat(offered(joined)).containsExactly(ALICE);
        assertThat(joined.wakeUpAt()).contains(f.at(15));
        f.advance(15);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).containsExactly(
                new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.RING_TIMEOUT),
                new QueueAction.Offer(id("c1"), SALES, java.util.Optional.of(CARLA), java.util.List.of(BOB), f.at(30)));
        assertThat(tick.events(QueueEvent.Missed.class)).containsExactly(
                new QueueEvent.Missed(f.at(15), SALES, id("c1"), ALICE, MissReason.NO_ANSWER));
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void aSkippedAgentIsStillOfferedTheNextCaller() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        join(engine, "c1", CARLA, SALES);
        engine.declined(id("c1"), ALICE);

        QueueDecision second = join(engine, "c2", QueueFixture.DAN, SALES);

        assertThat(offered(second)).containsExactly(ALICE);
    }

    @Test
    void declineSkipsWithoutCountingTowardsAutopause() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB).autopause(1));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        join(engine, "c1", CARLA, SALES);

        QueueDecision decline = engine.declined(id("c1"), ALICE);

        assertThat(offered(decline)).containsExactly(BOB);
        assertThat(decline.actions(QueueAction.CancelOffer.class)).isEmpty();
        assertThat(decline.events(QueueEvent.Missed.class)).extracting(QueueEvent.Missed::reason)
                .containsExactly(MissReason.DECLINED);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void whenEveryoneWasSkippedANewRoundStarts() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        f.advance(15);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions(QueueAction.CancelOffer.class)).hasSize(1);
        assertThat(offered(tick)).containsExactly(ALICE);
    }

    @Test
    void callerHangingUpCancelsTheOffer() {
        QueueEngine engine = f.engine(queue(SALES, ALICE));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        f.advance(3);

        QueueDecision hangUp = engine.callerHungUp(id("c1"));

        assertThat(hangUp.actions()).containsExactly(new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.CALLER_LEFT));
        assertThat(hangUp.events(QueueEvent.Abandoned.class)).extracting(QueueEvent.Abandoned::waited)
                .containsExactly(Duration.ofSeconds(3));
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void maxWaitWhileRingingCancelsAndOverflows() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).maxWait(10).overflowTo(HELP), queue(HELP, BOB));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        f.advance(10);

        QueueDecision tick = engine.tick();

        assertThat(tick.actions()).hasSize(2);
        assertThat(tick.actions().get(0)).isEqualTo(new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.CALLER_MOVED));
        assertThat(tick.actions().get(1)).isInstanceOf(QueueAction.Overflow.class);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void agentLoggingOutWhileRingingIsWithdrawnAndTheNextIsRung() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        join(engine, "c1", CARLA, SALES);

        QueueDecision logout = engine.logOut(ALICE, SALES);

        assertThat(logout.actions().getFirst())
                .isEqualTo(new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.AGENT_UNAVAILABLE));
        assertThat(offered(logout)).containsExactly(BOB);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.LOGGED_OUT);
    }
}
