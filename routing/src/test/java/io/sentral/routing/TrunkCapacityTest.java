package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.EndCause;
import io.sentral.core.policy.LimitKind;
import io.sentral.core.tenant.TrunkId;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** T7: channels held per Call-ID until the call ends, and a calls-per-second token bucket on the clock. */
class TrunkCapacityTest {
    private static final TrunkId PBX = TrunkId.of("acme-pbx");
    private static final TrunkId OTHER = TrunkId.of("svea-pbx");

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T12:00:00Z"));
    private final TrunkCapacity capacity = new TrunkCapacity(clock);

    private CallEvent.Ended ended(String callId) {
        return new CallEvent.Ended(callId, clock.instant(), 200, EndCause.CALLER_HANGUP);
    }

    private static Admission overChannels(int max) {
        return new Admission.OverLimit(LimitKind.CHANNELS, max, Duration.ofSeconds(5));
    }

    private static Admission overRate(int max) {
        return new Admission.OverLimit(LimitKind.CALLS_PER_SECOND, max, Duration.ofSeconds(1));
    }

    @Test
    void channelLimitHoldsUntilACallEnds() {
        assertThat(capacity.admit(PBX, "a", 2, 0)).isEqualTo(new Admission.Admitted());
        assertThat(capacity.admit(PBX, "b", 2, 0)).isEqualTo(new Admission.Admitted());
        assertThat(capacity.admit(PBX, "c", 2, 0)).isEqualTo(overChannels(2));
        assertThat(capacity.activeChannels(PBX)).isEqualTo(2);

        capacity.onEvent(ended("a"));

        assertThat(capacity.activeChannels(PBX)).isEqualTo(1);
        assertThat(capacity.admit(PBX, "c", 2, 0)).isEqualTo(new Admission.Admitted());
    }

    @Test
    void trunksAreCountedApart() {
        capacity.admit(PBX, "a", 1, 0);

        assertThat(capacity.admit(OTHER, "b", 1, 0)).isEqualTo(new Admission.Admitted());
        assertThat(capacity.activeChannels(PBX)).isEqualTo(1);
        assertThat(capacity.activeChannels(OTHER)).isEqualTo(1);
    }

    @Test
    void endingTwiceOrEndingAStrangerIsHarmless() {
        capacity.admit(PBX, "a", 2, 0);
        capacity.admit(PBX, "b", 2, 0);

        capacity.onEvent(ended("a"));
        capacity.onEvent(ended("a"));
        capacity.onEvent(ended("never-seen"));
        capacity.onEvent(new CallEvent.Answered("b", clock.instant()));

        assertThat(capacity.activeChannels(PBX)).isEqualTo(1);
    }

    @Test
    void releaseGivesTheChannelBackAndTheLaterEndIsIgnored() {
        capacity.admit(PBX, "a", 1, 0);
        capacity.admit(PBX, "b", 2, 0);

        capacity.release("a");
        capacity.onEvent(ended("a"));

        assertThat(capacity.activeChannels(PBX)).isEqualTo(1);
    }

    @Test
    void aDuplicateCallIdIsRefusedAndItsEndDoesNotFreeTheFirstCallsChannel() {
        capacity.routing("a");
        capacity.admit(PBX, "a", 1, 0);

        capacity.routing("a");
        assertThat(capacity.admit(PBX, "a", 5, 0)).isEqualTo(new Admission.DuplicateCallId());
        capacity.onEvent(ended("a"));

        assertThat(capacity.activeChannels(PBX)).as("the first call is still up").isEqualTo(1);
        assertThat(capacity.admit(PBX, "b", 1, 0)).isEqualTo(overChannels(1));
        capacity.onEvent(ended("a"));
        assertThat(capacity.activeChannels(PBX)).isZero();
    }

    @Test
    void callsPerSecondAreATokenBucketRefillingWithTheClock() {
        for (int i = 0; i < 3; i++) {
            assertThat(capacity.admit(PBX, "burst-" + i, 0, 3)).isEqualTo(new Admission.Admitted());
        }
        assertThat(capacity.admit(PBX, "d", 0, 3)).isEqualTo(overRate(3));

        clock.advance(Duration.ofMillis(300));
        assertThat(capacity.admit(PBX, "e", 0, 3)).as("0.9 token").isEqualTo(overRate(3));
        clock.advance(Duration.ofMillis(34));
        assertThat(capacity.admit(PBX, "f", 0, 3)).as("1.002 tokens").isEqualTo(new Admission.Admitted());
        assertThat(capacity.admit(PBX, "g", 0, 3)).isEqualTo(overRate(3));

        clock.advance(Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            assertThat(capacity.admit(PBX, "later-" + i, 0, 3)).as("refilled to 3, not more")
                    .isEqualTo(new Admission.Admitted());
        }
        assertThat(capacity.admit(PBX, "h", 0, 3)).isEqualTo(overRate(3));
    }

    @Test
    void aRefusedCallTakesNeitherTokenNorChannel() {
        capacity.admit(PBX, "a", 1, 2);

        assertThat(capacity.admit(PBX, "b", 1, 2)).isEqualTo(overChannels(1));
        capacity.onEvent(ended("a"));

        assertThat(capacity.admit(PBX, "c", 1, 2)).as("the second token is still there")
                .isEqualTo(new Admission.Admitted());
    }

    @Test
    void aClockSteppingBackRefillsNothing() {
        capacity.admit(PBX, "a", 0, 1);
        clock.advance(Duration.ofSeconds(-10));

        assertThat(capacity.admit(PBX, "b", 0, 1)).isEqualTo(overRate(1));
        clock.advance(Duration.ofSeconds(10));
        assertThat(capacity.admit(PBX, "c", 0, 1)).isEqualTo(overRate(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(capacity.admit(PBX, "d", 0, 1)).isEqualTo(new Admission.Admitted());
    }

    @Test
    void zeroMeansUnlimited() {
        for (int i = 0; i < 1000; i++) {
            assertThat(capacity.admit(PBX, "c" + i, 0, 0)).isEqualTo(new Admission.Admitted());
        }
        assertThat(capacity.activeChannels(PBX)).isEqualTo(1000);
    }

    @Test
    void aNewLimitKeepsTheCount() {
        for (int i = 0; i < 5; i++) {
            capacity.admit(PBX, "c" + i, 10, 0);
        }

        assertThat(capacity.admit(PBX, "lowered", 3, 0)).isEqualTo(overChannels(3));
        capacity.onEvent(ended("c0"));
        capacity.onEvent(ended("c1"));
        assertThat(capacity.admit(PBX, "still-over", 3, 0)).isEqualTo(overChannels(3));
        capacity.onEvent(ended("c2"));
        assertThat(capacity.admit(PBX, "fits", 3, 0)).isEqualTo(new Admission.Admitted());
    }

    @Test
    void aLoweredRateClipsTheBucket() {
        capacity.admit(PBX, "a", 0, 10);

        assertThat(capacity.admit(PBX, "b", 0, 2)).isEqualTo(new Admission.Admitted());
        assertThat(capacity.admit(PBX, "c", 0, 2)).isEqualTo(new Admission.Admitted());
        assertThat(capacity.admit(PBX, "d", 0, 2)).isEqualTo(overRate(2));
    }

    @Test
    void emergencyCallsAreCountedApart() {
        capacity.countEmergency(PBX);
        capacity.countEmergency(PBX);

        assertThat(capacity.emergencyCalls(PBX)).isEqualTo(2);
        assertThat(capacity.emergencyCalls(OTHER)).isZero();
        assertThat(capacity.activeChannels(PBX)).isZero();
    }

    @Test
    void notEnforcedAdmitsEverythingAndHoldsNothing() {
        TrunkCapacity off = TrunkCapacity.notEnforced();
        off.admit(PBX, "a", 1, 1);

        assertThat(off.admit(PBX, "a", 1, 1)).isEqualTo(new Admission.Admitted());
        assertThat(off.admit(PBX, "b", 1, 1)).isEqualTo(new Admission.Admitted());
        assertThat(off.activeChannels(PBX)).isZero();
        assertThat(off.enforcing()).isFalse();
        off.countEmergency(PBX);
        assertThat(off.emergencyCalls(PBX)).isEqualTo(1);
    }

    @Test
    void negativeLimitsAreABug() {
        assertThatThrownBy(() -> capacity.admit(PBX, "a", -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAdmissionsNeverExceedTheChannelLimit() throws Exception {
        int threads = 8;
        int perThread = 200;
        int limit = 30;
        List<Integer> admitted = race(threads, perThread, (t, i) ->
                capacity.admit(PBX, "t" + t + "-" + i, limit, 0) instanceof Admission.Admitted ? 1 : 0);

        assertThat(admitted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(limit);
        assertThat(capacity.activeChannels(PBX)).isEqualTo(limit);
    }

    @Test
    void concurrentAdmissionsNeverExceedTheTokens() throws Exception {
        List<Integer> admitted = race(8, 200, (t, i) ->
                capacity.admit(PBX, "t" + t + "-" + i, 0, 10) instanceof Admission.Admitted ? 1 : 0);

        assertThat(admitted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void concurrentAdmissionsAndEndsBalanceToZero() throws Exception {
        race(8, 500, (t, i) -> {
            String callId = "t" + t + "-" + i;
            if (capacity.admit(PBX, callId, 20, 0) instanceof Admission.Admitted) {
                capacity.onEvent(ended(callId));
            }
            return 0;
        });

        assertThat(capacity.activeChannels(PBX)).isZero();
    }

    /** A task of thread {@code t}, iteration {@code i}. */
    private interface Task {
        int run(int t, int i);
    }

    /** Runs the task on several threads released at once; returns each thread's sum. */
    private static List<Integer> race(int threads, int perThread, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    start.await();
                    int sum = 0;
                    for (int i = 0; i < perThread; i++) {
                        sum += task.run(thread, i);
                    }
                    return sum;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            List<Integer> sums = new ArrayList<>();
            for (Future<Integer> result : results) {
                sums.add(result.get(30, TimeUnit.SECONDS));
            }
            return sums;
        } finally {
            pool.shutdownNow();
        }
    }
}
