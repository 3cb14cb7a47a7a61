package io.sentral.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentral.core.call.SignallingEvents;

/**
 * SIP traffic and security counters (N1): {@code sentral_sip_requests_total{method}},
 * {@code sentral_sip_responses_total{class}} (1xx…6xx), {@code sentral_auth_failures_total{method}}
 * and {@code sentral_sip_malformed_total}. The failure counters exist at 0 from the start so that an
 * alert sees the first burst.
 */
final class SignallingMetrics implements SignallingEvents {
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
