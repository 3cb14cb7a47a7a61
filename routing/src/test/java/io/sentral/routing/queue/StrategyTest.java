package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.BOB;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.CAROL;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.offered;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each agent-selection rule, with three logged-in agents alice, bob, carol (in member order). */
class StrategyTest {
    private final QueueFixture f = new QueueFixture();
    private int calls;

    private QueueEngine engine(QueueStrategy strategy, int wrapUp) {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB, CAROL).strategy(strategy).wrapUp(wrapUp));
        engine.logIn(ALICE);
        engine.logIn(BOB);
        engine.logIn(CAROL);
        return engine;
    }

    /** Joins a caller, lets the first offered agent answer and hang up a second later; returns who got it. */
    private UserId callAndAnswer(QueueEngine engine) {
        CallId call = id("c" + ++calls);
        UserId agent = offered(engine.join(Join.fresh(call, CARLA, SALES))).getFirst();
        engine.answered(call, agent);
        f.advance(1);
        engine.callEnded(call);
        f.advance(1);
        engine.tick();
        return agent;
    }

    private List<UserId> takers(QueueEngine engine, int count) {
        List<UserId> takers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            takers.add(callAndAnswer(engine));
        }
        return takers;
    }

    @Test
    void serialAlwaysStartsFromTheFirstMember() {
        assertThat(takers(engine(QueueStrategy.SERIAL, 0), 3)).containsExactly(ALICE, ALICE, ALICE);
    }

    @Test
    void serialGoesDownTheListWhenTheFirstIsBusy() {
        QueueEngine engine = engine(QueueStrategy.SERIAL, 0);
        join(engine, "busy", CARLA, SALES);
        engine.answered(id("busy"), ALICE);

        assertThat(offered(join(engine, "c2", CARLA, SALES))).containsExactly(BOB);
    }

    @Test
    void roundRobinContinuesAfterTheLastAgentOffered() {
        assertThat(takers(engine(QueueStrategy.ROUND_ROBIN, 0), 4)).containsExactly(ALICE, BOB, CAROL, ALICE);
    }

    @Test
    void roundRobinSkipsAnAgentWhoIsNotAvailable() {
        QueueEngine engine = engine(QueueStrategy.ROUND_ROBIN, 0);
        engine.markAbsent(BOB);

        assertThat(takers(engine, 3)).containsExactly(ALICE, CAROL, ALICE);
    }

    @Test
    void longestIdleCountsFromTheEndOfWrapUp() {
        QueueEngine engine = engine(QueueStrategy.LONGEST_IDLE, 5);
        assertThat(callAndAnswer(engine)).as("all idle since login: member order").isEqualTo(ALICE);
        f.advance(10);
        assertThat(takers(engine, 2)).containsExactly(BOB, CAROL);
        f.advance(10);
        assertThat(callAndAnswer(engine)).isEqualTo(ALICE);
    }

    @Test
    void longestIdlePrefersWhoLoggedInEarlier() {
        QueueEngine engine = f.engine(queue(SALES, ALICE, BOB).strategy(QueueStrategy.LONGEST_IDLE));
        engine.logIn(BOB);
        f.advance(1);
        engine.logIn(ALICE);

        assertThat(offered(join(engine, "c1", CARLA, SALES))).containsExactly(BOB);
    }

    @Test
    void fewestCallsPicksWhoAnsweredLeastThenLongestIdle() {
        assertThat(takers(engine(QueueStrategy.FEWEST_CALLS, 0), 4)).containsExactly(ALICE, BOB, CAROL, ALICE);
    }

    @Test
    void fewestCallsCountsAnswersNotOffers() {
        QueueEngine engine = engine(QueueStrategy.FEWEST_CALLS, 0);
        join(engine, "c1", CARLA, SALES);
        engine.declined(id("c1"), ALICE);
        engine.answered(id("c1"), BOB);
        engine.callEnded(id("c1"));

        assertThat(offered(join(engine, "c2", CARLA, SALES))).containsExactly(ALICE);
    }

    @Test
    void ringAllRingsEveryAvailableAgent() {
        QueueEngine engine = engine(QueueStrategy.RING_ALL, 0);
        engine.markAbsent(BOB);

        assertThat(offered(join(engine, "c1", CARLA, SALES))).containsExactly(ALICE, CAROL);
    }
}
