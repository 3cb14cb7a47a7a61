package io.sentral.routing.queue;

import static io.sentral.routing.queue.QueueFixture.ALICE;
import static io.sentral.routing.queue.QueueFixture.CARLA;
import static io.sentral.routing.queue.QueueFixture.DAN;
import static io.sentral.routing.queue.QueueFixture.EVA;
import static io.sentral.routing.queue.QueueFixture.SALES;
import static io.sentral.routing.queue.QueueFixture.VIP;
import static io.sentral.routing.queue.QueueFixture.VIP_2;
import static io.sentral.routing.queue.QueueFixture.id;
import static io.sentral.routing.queue.QueueFixture.join;
import static io.sentral.routing.queue.QueueFixture.queue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** S3: VIP callers before every other caller, first come first served among VIPs. */
class VipOrderingTest {
    private final QueueFixture f = new QueueFixture();
    private final QueueEngine engine = f.engine(queue(SALES, ALICE));

    private void arrive(String callId, io.sentral.core.number.E164Number caller) {
        join(engine, callId, caller, SALES);
        f.advance(1);
    }

    private java.util.List<String> line() {
        return engine.board(SALES).waiting().stream().map(w -> w.callId().value()).toList();
    }

    @Test
    void aVipWhoArrivesLaterGoesFirstAndIsOfferedFirst() {
        arrive("c1", CARLA);
        arrive("c2", DAN);
        QueueDecision vip = join(engine, "v1", VIP, SALES);

        assertThat(vip.actions()).containsExactly(new QueueAction.Queued(id("v1"), SALES, 1));
        assertThat(vip.events(QueueEvent.Joined.class).getFirst().vip()).isTrue();
        assertThat(line()).containsExactly("v1", "c1", "c2");
        assertThat(engine.logIn(ALICE).actions(QueueAction.Offer.class)).singleElement()
                .satisfies(o -> assertThat(o.callId()).isEqualTo(id("v1")));
    }

    @Test
    void vipsAmongThemselvesAreFirstComeFirstServed() {
        arrive("c1", CARLA);
        arrive("v1", VIP_2);
        arrive("v2", VIP);

        assertThat(line()).containsExactly("v1", "v2", "c1");
        assertThat(engine.board(SALES).waiting()).extracting(QueueBoard.WaitingCaller::vip)
                .containsExactly(true, true, false);
    }

    @Test
    void aListChangeReordersCallersAlreadyWaiting() {
        arrive("c1", CARLA);
        arrive("c2", DAN);
        arrive("c3", EVA);

        engine.vipListChanged(Set.of(EVA));
        assertThat(line()).containsExactly("c3", "c1", "c2");

        engine.vipListChanged(Set.of());
        assertThat(line()).containsExactly("c1", "c2", "c3");
    }

    @Test
    void aCallerRemovedFromTheListLosesItsPlace() {
        arrive("v1", VIP);
        arrive("c1", CARLA);

        engine.vipListChanged(Set.of(VIP_2));

        assertThat(line()).containsExactly("v1", "c1");
        assertThat(engine.board(SALES).waiting().getFirst().vip()).isFalse();
    }

    @Test
    void aVipDoesNotTakeOverAnOfferAlreadyRinging() {
        engine.logIn(ALICE);
        arrive("c1", CARLA);

        QueueDecision vip = join(engine, "v1", VIP, SALES);

        assertThat(vip.actions()).containsExactly(new QueueAction.Queued(id("v1"), SALES, 1));
        assertThat(engine.callerState(id("c1"))).contains(CallerState.OFFERED);
        engine.declined(id("c1"), ALICE);
        assertThat(engine.callerState(id("v1"))).contains(CallerState.OFFERED);
    }
}
