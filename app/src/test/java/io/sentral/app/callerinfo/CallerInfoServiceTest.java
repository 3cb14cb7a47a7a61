package io.sentral.app.callerinfo;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.sun.net.httpserver.HttpServer;
import io.sentral.config.CallerLookupSettings;
import io.sentral.config.ConfigLoader;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S11 against a real (deliberately slow and failing) lookup server on loopback: directory first,
 * lookups cached, a slow lookup never delays the answer beyond the budget and still fills the
 * cache, failures are "unknown".
 */
class CallerInfoServiceTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final Duration BUDGET = Duration.ofMillis(300);

    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicLong nanos = new AtomicLong();
    private HttpServer lookup;
    private CallerInfoService service;

    @BeforeEach
    void start() throws IOException {
        lookup = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lookup.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        lookup.createContext("/numbers/", exchange -> {
            String number = exchange.getRequestURI().getPath().substring("/numbers/".length());
            requests.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
            int status = 200;
            String body = switch (number) {
                case "+4790000001" -> "{\"name\":\"Ola Nordmann\",\"address\":\"Storgata 2, 0155 Oslo\"}";
                case "+4790000002" -> {
                    sleep(2000);
                    yield "{\"name\":\"Slow Svarer\"}";
                }
                case "+4790000003" -> {
                    status = 500;
                    yield "oops";
                }
                case "+4790000004" -> "not json";
                default -> {
                    status = 404;
                    yield "";
                }
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        lookup.start();
        TenantSnapshot snapshot = TenantSnapshot.of(ConfigLoader.ignoringEnvironment()
                .loadResource(ConfigLoader.DEMO_RESOURCE).customers());
        CallerLookupSettings settings = new CallerLookupSettings(java.util.Optional.of("http://127.0.0.1:"
                + lookup.getAddress().getPort() + "/numbers/{number}"), BUDGET, Duration.ofHours(1), 100);
        Ticker ticker = nanos::get;
        service = new CallerInfoService(() -> snapshot, settings, HttpClient.newHttpClient(), ticker);
    }

    @AfterEach
    void stop() {
        lookup.stop(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CallerInfo info(String number) {
        return service.lookup(FJORD, E164Number.of(number)).join();
    }

    private int asked(String number) {
        return requests.getOrDefault(number, new AtomicInteger()).get();
    }

    @Test
    void aColleagueIsFoundInTheDirectoryWithoutAskingTheLookup() {
        CallerInfo alice = info("+4723450101");
        assertThat(alice.source()).isEqualTo(CallerInfo.Source.DIRECTORY);
        assertThat(alice.name()).contains("Alice Hansen, Sales");
        assertThat(info("+4791000102").name()).as("a mobile too").contains("Bob Nilsen, Sales");
        assertThat(requests).isEmpty();
    }

    @Test
    void aLookupAnswerIsCachedForItsTtl() {
        CallerInfo ola = info("+4790000001");
        assertThat(ola.source()).isEqualTo(CallerInfo.Source.LOOKUP);
        assertThat(ola.name()).contains("Ola Nordmann");
        assertThat(ola.address()).contains("Storgata 2, 0155 Oslo");
        info("+4790000001");
        assertThat(asked("+4790000001")).isEqualTo(1);
        nanos.addAndGet(Duration.ofMinutes(61).toNanos());
        info("+4790000001");
        assertThat(asked("+4790000001")).as("expired after an hour").isEqualTo(2);
    }

    @Test
    void aSlowLookupNeverDelaysTheAnswerAndItsLateAnswerIsKept() {
        long start = System.nanoTime();
        CallerInfo slow = info("+4790000002");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(slow.source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        assertThat(took).as("within the budget, not the server's 2 s").isLessThan(BUDGET.plusMillis(250));

        CallerInfo later = Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> info("+4790000002"),
                i -> i.source() == CallerInfo.Source.LOOKUP);
        assertThat(later.name()).contains("Slow Svarer");
        assertThat(asked("+4790000002")).as("one request, its late answer cached").isEqualTo(1);
    }

    @Test
    void failuresAndUnknownNumbersAreUnknown() {
        assertThat(info("+4790000003").source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        assertThat(info("+4790000004").source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        assertThat(info("+4790000009").source()).isEqualTo(CallerInfo.Source.UNKNOWN);
        info("+4790000009");
        assertThat(asked("+4790000009")).as("an unknown number is cached too").isEqualTo(1);
        nanos.addAndGet(Duration.ofMinutes(7).toNanos());
        info("+4790000009");
        assertThat(asked("+4790000009")).as("but for a tenth of the time").isEqualTo(2);
    }
}
