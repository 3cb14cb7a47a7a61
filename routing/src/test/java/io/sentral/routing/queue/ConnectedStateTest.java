package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A caller in {@link CallerState#CONNECTED}: talking to the agent who answered. */
class ConnectedStateTest {
    private final QueueFixture f = new QueueFixture();

    private QueueEngine connected(int wrapUp) {
        QueueEngine engine = f.engine(queue(SALES, ALICE).wrapUp(wrapUp));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        engine.answered(id("c1"), ALICE);
        return engine;
    }

    @Test
    void endingTheCallPutsTheAgentInWrapUpThenAvailable() {
        QueueEngine engine = connected(5);
        f.advance(30);

        QueueDecision end = engine.callEnded(id("c1"));

        assertThat(end.events()).containsExactly(
                new QueueEvent.Ended(f.at(30), SALES, id("c1"), ALICE, Duration.ofSeconds(30)),
                new QueueEvent.AgentStateChanged(f.at(30), ALICE, AgentState.BUSY, AgentState.WRAP_UP));
        assertThat(end.wakeUpAt()).contains(f.at(35));
        assertThat(engine.callerState(id("c1"))).isEmpty();
        f.advance(5);
        assertThat(engine.tick().events()).containsExactly(
                new QueueEvent.AgentStateChanged(f.at(35), ALICE, AgentState.WRAP_UP, AgentState.AVAILABLE));
    }

    @Test
    void aCallerWaitingDuringWrapUpIsOfferedWhenItEnds() {
        QueueEngine engine = connected(5);
        engine.callEnded(id("c1"));
        QueueDecision waiting = join(engine, "c2", DAN, SALES);
        assertThat(waiting.actions(QueueAction.Offer.class)).isEmpty();
        assertThat(waiting.wakeUpAt()).contains(f.at(5));
        f.advance(5);

        assertThat(offered(engine.tick())).containsExactly(ALICE);
    }

    @Test
    void noWrapUpMeansAvailableAtOnce() {
        QueueEngine engine = connected(0);

        engine.callEnded(id("c1"));

        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void theCallerHangingUpEndsTheCallLikeTheAgent() {
        QueueEngine engine = connected(5);

        QueueDecision hangUp = engine.callerHungUp(id("c1"));

        assertThat(hangUp.events(QueueEvent.Ended.class)).hasSize(1);
        assertThat(hangUp.events(QueueEvent.Abandoned.class)).isEmpty();
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.WRAP_UP);
        assertThat(engine.board(SALES).abandoned()).isZero();
    }

    @Test
    void theAgentIsNotOfferedAnotherCallWhileConnected() {
        QueueEngine engine = connected(0);

        QueueDecision second = join(engine, "c2", DAN, SALES);

        assertThat(second.actions(QueueAction.Offer.class)).isEmpty();
        assertThat(offered(engine.callEnded(id("c1")))).containsExactly(ALICE);
    }

    @Test
    void maxWaitNoLongerAppliesOnceConnected() {
        QueueEngine engine = connected(0);
        f.advance(600);

        assertThat(engine.tick().actions()).isEmpty();
        assertThat(engine.callerState(id("c1"))).contains(CallerState.CONNECTED);
    }
}
