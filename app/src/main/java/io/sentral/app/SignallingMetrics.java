package io.sentral.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sentral.core.call.SignallingEvents;
import java.time.Duration;
import java.util.Set;

/**
 * SIP traffic and security counters (N1): {@code sentral_sip_requests_total{method}},
 * {@code sentral_sip_responses_total{class}} (1xx…6xx), {@code sentral_auth_failures_total{method}}
 * {@code sentral_sip_malformed_total} and the processing-time histogram
 * {@code sentral_sip_processing_seconds{method}} (5, 20, 100, 500 ms buckets) and the client
 * transaction histogram {@code sentral_sip_transaction_seconds{method}} (request sent to final
 * response received; 20 ms to 30 s buckets, INVITE includes ringing). The failure counters exist
 * at 0 from the start so that an alert sees the first burst.
 */
final class SignallingMetrics implements SignallingEvents {
    private static final Duration[] PROCESSING_LEVELS = {Duration.ofMillis(5), Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofMillis(500)};

    private static final Duration[] TRANSACTION_LEVELS = {Duration.ofMillis(20), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(30)};
    /** Methods Sentral sends or relays; anything else is counted as "other" to keep labels bounded. */
    private static final Set<String> METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "UPDATE", "INFO", "REFER", "NOTIFY", "PRACK", "MESSAGE", "SUBSCRIBE");

    private final MeterRegistry registry;

    SignallingMetrics(MeterRegistry registry) {
        this.registry = registry;
        authFailures("REGISTER");
        authFailures("INVITE");
        malformedCounter();
    }

    @Override
    public void requestReceived(String method) {
        Counter.builder("sentral.sip.requests").description("SIP requests received, retransmissions included")
                .tag("method", method).register(registry).increment();
    }

    @Override
    public void responseSent(int status) {
        Counter.builder("sentral.sip.responses").description("SIP responses sent by status class")
                .tag("class", (status / 100) + "xx").register(registry).increment();
    }

    @Override
    public void requestProcessed(String method, Duration took) {
        Timer.builder("sentral.sip.processing")
                .description("from a request's arrival to the end of its handling on its call's lane")
                .tag("method", method).serviceLevelObjectives(PROCESSING_LEVELS).register(registry).record(took);
    }

    @Override
    public void transactionCompleted(String method, Duration took) {
        Timer.builder("sentral.sip.transaction")
                .description("from sending a request on a client transaction to its final response")
                .tag("method", METHODS.contains(method) ? method : "other")
                .serviceLevelObjectives(TRANSACTION_LEVELS).register(registry).record(took);
    }

    @Override
    public void authenticationFailed(String method) {
        authFailures(method).increment();
    }

    @Override
    public void malformed() {
        malformedCounter().increment();
    }

    private Counter authFailures(String method) {
        return Counter.builder("sentral.auth.failures").description("requests refused for wrong credentials (403)")
                .tag("method", method).register(registry);
    }

    private Counter malformedCounter() {
        return Counter.builder("sentral.sip.malformed").description("requests answered 400 as unparseable")
                .register(registry);
    }
}
