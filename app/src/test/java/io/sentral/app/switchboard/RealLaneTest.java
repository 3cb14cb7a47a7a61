package io.sentral.app.switchboard;

import static io.sentral.app.switchboard.SwitchboardFixture.ALICE;
import static io.sentral.app.switchboard.SwitchboardFixture.BOB;
import static io.sentral.app.switchboard.SwitchboardFixture.DAN;
import static io.sentral.app.switchboard.SwitchboardFixture.DEMO;
import static io.sentral.app.switchboard.SwitchboardFixture.DOMAIN;
import static io.sentral.app.switchboard.SwitchboardFixture.FJORD;
import static io.sentral.app.switchboard.SwitchboardFixture.SENTRALBORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime on a real single-thread scheduled executor and the system clock, as the app wires
 * it: the edge's calls come from the test thread, the engine's timer fires on the lane. Waits by
 * bounded polling, never by sleeping.
 */
class RealLaneTest {
    private final ScheduledExecutorService lane = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "switchboard-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopLane() {
        lane.shutdownNow();
    }

    @Test
    void aRingTimeoutFiresOnTheLaneAndTheNextAgentIsRung() {
        TenantSnapshot oneSecondRing = TenantSnapshot.of(DEMO.customers().stream()
                .map(c -> DEMO.provisioning(c.id()).orElseThrow())
                .map(p -> p.tenant().equals(FJORD) ? SwitchboardFixture.queue(SENTRALBORD,
                        SwitchboardFixture.ringTimeout(Duration.ofSeconds(1))).apply(p) : p)
                .toList());
        SwitchboardFixture.Registrar registrar = new SwitchboardFixture.Registrar();
        registrar.register(ALICE);
        registrar.register(BOB);
        RecordingEdge edge = new RecordingEdge(overflow -> {
        });
        try (QueueRuntime runtime = new QueueRuntime(() -> oneSecondRing, DOMAIN, registrar, AbsenceBook.NONE,
                () -> edge, QueueEventSink.NONE, lane, Clock.systemUTC()).start(Duration.ofMillis(100))) {

            runtime.join(new QueueJoin("c1", FJORD, SENTRALBORD, Optional.of(DAN), Optional.empty(), List.of()));

            List<String> calls = new ArrayList<>();
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.addAll(edge.take()) && calls.size() >= 4);
            assertThat(calls).containsExactly("queued c1 Sentralbord 1", "offer c1 Sentralbord [alice]",
                    "cancel c1 alice", "offer c1 Sentralbord [bob]");
            assertThat(runtime.boards().join().get(FJORD).getFirst().callersWaiting()).isEqualTo(1);
        }
    }
}
