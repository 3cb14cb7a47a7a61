package io.sentral.app.callerinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentral.config.CallerLookupSettings;
import io.sentral.config.ConfigLoader;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * S11 with the demo customers' directory and a real (deliberately slow and failing) lookup server
 * on loopback: the directory first, lookups cached, a slow lookup never delays the answer beyond
 * the budget and still fills the cache, failures are unknown. Cache time is a hand-moved clock.
 */
class CallerInfoServiceTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final Duration BUDGET = Duration.ofMillis(300);
    /** Scheduling slack on a busy build machine; the server's 2 s stay far outside. */
    private static final Duration SLACK = Duration.ofMillis(100);
    private static final TenantSnapshot DEMO = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
            .loadResource(ConfigLoader.DEMO_RESOURCE).customers());

    private final LookupServer server = new LookupServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    private final Ticker ticker = () -> Duration.between(Instant.EPOCH, clock.instant()).toNanos();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CallerLookupSettings settings = new CallerLookupSettings(Optional.of(server.urlTemplate()), BUDGET,
            Duration.ofHours(1), 100);
    private final CallerInfoService service = new CallerInfoService(() -> DEMO, settings,
            Optional.of(new HttpNumberLookup(settings, meters)), ticker, meters);

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    private CallerInfo info(String number) {
        return info(FJORD, number);
    }

    private CallerInfo info(TenantId tenant, String number) {
        return service.lookup(tenant, E164Number.of(number)).join();
    }

    private double answers(String outcome) {
        return meters.get("sentral_caller_info").tag("outcome", outcome).counter().count();
    }

    @Test
    void theDirectoryWinsWithoutAskingTheLookup() {
        CallerInfo alice = info(LookupServer.ALICE_DIRECT);
        assertThat(alice).isEqualTo(new CallerInfo(E164Number.of(LookupServer.ALICE_DIRECT),
                Optional.of("Alice Hansen, Sales"), Optional.empty(), CallerInfo.Source.DIRECTORY));
        assertThat(info("+4791000102").name()).as("a colleague's mobile too").contains("Bob Nilsen, Sales");
        assertThat(server.requests()).isZero();
        assertThat(answers("directory")).isEqualTo(2);
    }

    @Test
    void anotherCustomersDirectoryDoesNotCount() {
        CallerInfo forAcme = info(TenantId.of("acme"), LookupServer.ALICE_DIRECT);
        assertThat(forAcme.source()).isEqualTo(CallerInfo.Source.LOOKUP);
        assertThat(forAcme.name()).contains("Not Alice");
    }

    @Test
    void aLookupAnswerIsCachedForItsTtl() {
        CallerInfo ola = info(LookupServer.KNOWN);
        assertThat(ola).isEqualTo(new CallerInfo(E164Number.of(LookupServer.KNOWN), Optional.of("Ola Nordmann"),
                Optional.of("Storgata 2, 0155 Oslo"), CallerInfo.Source.LOOKUP));
        clock.advance(Duration.ofMinutes(59));
        assertThat(info(LookupServer.KNOWN)).isEqualTo(ola);
        assertThat(server.requests(LookupServer.KNOWN)).as("answered from the cache").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(info(LookupServer.KNOWN)).isEqualTo(ola);
        assertThat(server.requests(LookupServer.KNOWN)).as("asked again after an hour").isEqualTo(2);
        assertThat(answers("lookup")).isEqualTo(3);
    }

    @Test
    void anUnknownNumberIsCachedForATenthOfTheTtl() {
        String stranger = "+4790000099";
        assertThat(info(stranger)).isEqualTo(CallerInfo.unknown(E164Number.of(stranger)));
        clock.advance(Duration.ofMinutes(5));
        info(stranger);
        assertThat(server.requests(stranger)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        info(stranger);
        assertThat(server.requests(stranger)).as("asked again after 6 minutes").isEqualTo(2);
        assertThat(answers("unknown")).isEqualTo(3);
    }

    @Test
    void aSlowLookupAnswersUnknownWithinTheBudgetAndItsLateAnswerIsCached() {
        long start = System.nanoTime();
        CallerInfo slow = info(LookupServer.SLOW);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(slow.source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        assertThat(took).as("the budget, not the server's 2 s").isBetween(BUDGET, BUDGET.plus(SLACK));
        assertThat(answers("over_budget")).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> server.requests(LookupServer.SLOW) == 1 && info(LookupServer.SLOW).source()
                        == CallerInfo.Source.LOOKUP);
        assertThat(info(LookupServer.SLOW).name()).contains(LookupServer.SLOW_NAME);
        assertThat(server.requests(LookupServer.SLOW)).as("one request, its late answer cached").isEqualTo(1);
    }

    @Test
    void concurrentLookupsOfOneNumberShareOneRequest() {
        List<CompletableFuture<CallerInfo>> callers = IntStream.range(0, 20)
                .mapToObj(i -> service.lookup(FJORD, E164Number.of(LookupServer.SLOW))).toList();
        assertThat(callers).allSatisfy(c -> assertThat(c.join().source()).isEqualTo(CallerInfo.Source.UNKNOWN));
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> info(LookupServer.SLOW).source() == CallerInfo.Source.LOOKUP);
        assertThat(server.requests(LookupServer.SLOW)).isEqualTo(1);
    }

    @Test
    void aFailingOrGarbledServiceIsUnknownAndNotAskedOnEveryCall() {
        assertThat(info(LookupServer.BROKEN).source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        assertThat(info(LookupServer.MALFORMED).source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        info(LookupServer.BROKEN);
        info(LookupServer.MALFORMED);
        assertThat(server.requests(LookupServer.BROKEN)).isEqualTo(1);
        assertThat(server.requests(LookupServer.MALFORMED)).isEqualTo(1);
    }

    @Test
    void aLookupThatThrowsOrBlocksStillAnswersWithinTheBudget() {
        CallerInfoService throwing = new CallerInfoService(() -> DEMO, settings, Optional.of(number -> {
            throw new IllegalStateException("bug");
        }), ticker, new SimpleMeterRegistry());
        assertThat(throwing.lookup(FJORD, E164Number.of(LookupServer.KNOWN)).join().source())
                .isEqualTo(CallerInfo.Source.UNKNOWN);

        CompletableFuture<Void> released = new CompletableFuture<>();
        CallerInfoService blocking = new CallerInfoService(() -> DEMO, settings, Optional.of(number -> {
            released.join();
            return CompletableFuture.completedFuture(Optional.empty());
        }), ticker, new SimpleMeterRegistry());
        try {
            long start = System.nanoTime();
            assertThat(blocking.lookup(FJORD, E164Number.of(LookupServer.KNOWN)).join().source())
                    .isEqualTo(CallerInfo.Source.UNKNOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET.plus(SLACK));
        } finally {
            released.complete(null);
        }
    }

    @Test
    void withoutALookupOnlyTheDirectoryAnswers() {
        CallerInfoService directoryOnly = CallerInfoService.create(() -> DEMO, CallerLookupSettings.defaults(),
                meters);
        assertThat(directoryOnly.lookup(FJORD, E164Number.of(LookupServer.ALICE_DIRECT)).join().source())
                .isEqualTo(CallerInfo.Source.DIRECTORY);
        assertThat(directoryOnly.lookup(FJORD, E164Number.of(LookupServer.KNOWN)))
                .isCompletedWithValue(CallerInfo.unknown(E164Number.of(LookupServer.KNOWN)));
        assertThat(server.requests()).isZero();
    }
}
