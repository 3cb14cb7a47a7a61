package io.sentral.app.callerinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentral.config.CallerLookupSettings;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of S11 against a real lookup server on loopback: what counts as an answer, what as unknown. */
class HttpNumberLookupTest {
    private final LookupServer server = new LookupServer();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HttpNumberLookup lookup = new HttpNumberLookup(settings(server.urlTemplate()), meters);

    private static CallerLookupSettings settings(String template) {
        return CallerLookupSettings.defaults().withUrl(template);
    }

    @AfterEach
    void stop() {
        lookup.close();
        server.close();
    }

    private Optional<CallerInfo> ask(HttpNumberLookup lookup, String number) {
        return lookup.lookup(E164Number.of(number)).join();
    }

    private double requests(String outcome) {
        return meters.get("sentral_caller_lookup_requests").tag("outcome", outcome).counter().count();
    }

    @Test
    void aKnownNumberHasNameAndAddress() {
        assertThat(ask(lookup, LookupServer.KNOWN)).contains(new CallerInfo(E164Number.of(LookupServer.KNOWN),
                Optional.of("Ola Nordmann"), Optional.of("Storgata 2, 0155 Oslo"), CallerInfo.Source.LOOKUP));
        assertThat(server.rawPaths()).as("the number URL-encoded").containsExactly("/numbers/%2B4790000001");
        assertThat(server.accepts()).containsExactly("application/json");
        assertThat(requests("found")).isEqualTo(1);
    }

    @Test
    void eitherFieldMayBeMissing() {
        assertThat(ask(lookup, LookupServer.NAME_ONLY)).hasValueSatisfying(info -> {
            assertThat(info.name()).contains("Kari Nordmann");
            assertThat(info.address()).as("blank is none").isEmpty();
        });
        assertThat(ask(lookup, LookupServer.EMPTY)).as("neither: unknown").isEmpty();
        assertThat(requests("not_found")).isEqualTo(1);
    }

    @Test
    void notFoundIsUnknown() {
        assertThat(ask(lookup, "+4790000099")).isEmpty();
        assertThat(requests("not_found")).isEqualTo(1);
    }

    @Test
    void errorsAndBadAnswersAreUnknown() {
        assertThat(ask(lookup, LookupServer.BROKEN)).isEmpty();
        assertThat(ask(lookup, LookupServer.MALFORMED)).isEmpty();
        assertThat(ask(lookup, LookupServer.NOT_AN_OBJECT)).isEmpty();
        assertThat(requests("failed")).isEqualTo(3);
    }

    @Test
    void anUnreachableServiceIsUnknown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            closedPort = socket.getLocalPort();
        }
        try (HttpNumberLookup nowhere = new HttpNumberLookup(
                settings("http://127.0.0.1:" + closedPort + "/numbers/{number}"), meters)) {
            assertThat(ask(nowhere, LookupServer.KNOWN)).isEmpty();
        }
        assertThat(requests("failed")).isEqualTo(1);
    }

    @Test
    void aRequestIsAbandonedAfterItsTimeout() {
        try (HttpNumberLookup impatient = new HttpNumberLookup(settings(server.urlTemplate()),
                Duration.ofMillis(200), meters)) {
            long start = System.nanoTime();
            assertThat(ask(impatient, LookupServer.SLOW)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the server's 2 s")
                    .isLessThan(Duration.ofMillis(1500));
        }
        assertThat(requests("timeout")).isEqualTo(1);
    }

    @Test
    void aRequestMayTakeTenBudgets() {
        assertThat(HttpNumberLookup.LATE_ANSWER_BUDGETS).isEqualTo(10);
        assertThat(ask(lookup, LookupServer.SLOW)).as("2 s is within 10 x 300 ms")
                .hasValueSatisfying(info -> assertThat(info.name()).contains(LookupServer.SLOW_NAME));
    }

    @Test
    void metricLabelsNeverCarryTheNumber() {
        ask(lookup, LookupServer.KNOWN);
        ask(lookup, "+4790000099");
        assertThat(meters.getMeters()).allSatisfy((Meter meter) ->
                assertThat(meter.getId().getTags()).extracting(Tag::getKey).containsExactly("outcome"));
    }
}
