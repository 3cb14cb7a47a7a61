package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.EVA;
import static io.sentral.routing.queue.QueueFixture.HELP;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** S5: agent states shared across queues, autopause, absence, direct calls. */
class AgentStateTest {
    private final QueueFixture f = new QueueFixture();

    @Test
    void anAgentRingingOrBusyForOneQueueIsNotOfferedAnothersCall() {
        QueueEngine engine = f.engine(queue(SALES, ALICE), queue(HELP, ALICE));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);

        assertThat(join(engine, "c2", DAN, HELP).actions(QueueAction.Offer.class)).as("ringing").isEmpty();
        engine.answered(id("c1"), ALICE);
        assertThat(engine.tick().actions()).as("busy").isEmpty();
        assertThat(engine.board(HELP).agents()).containsEntry(ALICE, AgentState.BUSY);

        QueueDecision end = engine.callEnded(id("c1"));

        assertThat(end.actions(QueueAction.Offer.class)).singleElement()
                .satisfies(o -> assertThat(o.callId()).isEqualTo(id("c2")));
    }

    @Test
    void autopauseAfterConsecutiveMissesUntilMadeAvailable() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB).autopause(2));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        join(engine, "c1", CARLA, SALES);
        f.advance(15);
        engine.tick();
        engine.answered(id("c1"), BOB);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.AVAILABLE);
        join(engine, "c2", DAN, SALES);
        f.advance(15);

        QueueDecision second = engine.tick();

        assertThat(second.events(QueueEvent.AgentStateChanged.class)).extracting(QueueEvent.AgentStateChanged::to)
                .containsExactly(AgentState.PAUSED);
        assertThat(engine.callerState(id("c2"))).contains(CallerState.WAITING);
        assertThat(engine.board(SALES).agents()).containsEntry(ALICE, AgentState.PAUSED);

        assertThat(offered(engine.markAvailable(ALICE))).containsExactly(ALICE);
    }

    @Test
    void anAnswerResetsTheMissCount() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).autopause(2));
        engine.logIn(ALICE);
        join(engine, "c1", CARLA, SALES);
        f.advance(15);
        engine.tick();
        engine.answered(id("c1"), ALICE);
        engine.callEnded(id("c1"));
        join(engine, "c2", DAN, SALES);
        f.advance(15);

        engine.tick();

        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.RINGING);
    }

    @Test
    void anAbsentAgentIsSkippedAndARingingOfferWithdrawn() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        join(engine, "c1", CARLA, SALES);

        QueueDecision absent = engine.markAbsent(ALICE);

        assertThat(absent.actions().getFirst())
                .isEqualTo(new QueueAction.CancelOffer(id("c1"), ALICE, CancelReason.AGENT_UNAVAILABLE));
        assertThat(offered(absent)).containsExactly(BOB);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.ABSENT);
        engine.answered(id("c1"), BOB);
        assertThat(join(engine, "c2", DAN, SALES).actions(QueueAction.Offer.class)).isEmpty();
    }

    @Test
    void aDirectCallMakesTheAgentBusyWithoutWrapUp() {
        QueueEngine engine = f.engine(queue(SALES, ALICE).wrapUp(5));
        engine.logIn(ALICE);
        engine.otherCallStarted(ALICE);
        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.BUSY);
        join(engine, "c1", CARLA, SALES);

        QueueDecision ended = engine.otherCallEnded(ALICE);

        assertThat(engine.agentState(ALICE)).isEqualTo(AgentState.RINGING);
        assertThat(offered(ended)).containsExactly(ALICE);
    }

    @Test
    void loginIsPerQueueAndTheBoardShowsLoggedOutElsewhere() {
        QueueEngine engine = f.engine(queue(SALES, ALICE), queue(HELP, ALICE, BOB));

        QueueDecision login = engine.logIn(ALICE, HELP);

        assertThat(login.events(QueueEvent.AgentStateChanged.class)).containsExactly(
                new QueueEvent.AgentStateChanged(f.at(0), ALICE, AgentState.LOGGED_OUT, AgentState.AVAILABLE));
        assertThat(engine.board(SALES).agents()).containsEntry(ALICE, AgentState.LOGGED_OUT);
        assertThat(engine.board(HELP).agents()).containsEntry(ALICE, AgentState.AVAILABLE)
                .containsEntry(BOB, AgentState.LOGGED_OUT);
        assertThat(join(engine, "c1", EVA, SALES).actions(QueueAction.Offer.class)).isEmpty();
        assertThatThrownBy(() -> engine.logIn(BOB, SALES)).hasMessageContaining("not a member");
    }

    @Test
    void directoryStatusOfEachState() {
        assertThat(AgentState.BUSY.directoryStatus()).isEqualTo("busy");
        assertThat(AgentState.RINGING.directoryStatus()).isEqualTo("busy");
        assertThat(AgentState.ABSENT.directoryStatus()).isEqualTo("absent");
        assertThat(AgentState.AVAILABLE.directoryStatus()).isEqualTo("free");
    }
}
