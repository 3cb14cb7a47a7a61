package io.sentral.routing;

import static io.sentral.routing.DemoTenants.ACME;
import static io.sentral.routing.DemoTenants.ACME_PBX;
import static io.sentral.routing.RoutingFixture.FROM_ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallRequest;
import io.sentral.core.call.EndCause;
import io.sentral.core.number.Country;
import io.sentral.core.policy.LimitKind;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.route.RoutePlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** T7 through the router: the capacity stage's 503s, and channels given back on every path. */
class CapacityRoutingTest {
    private final RoutingFixture fixture = new RoutingFixture();

    private DefaultCallRouter routerWithLimits(int channels, int callsPerSecond) {
        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, channels, callsPerSecond).build();
        return fixture.router();
    }

    private CallRequest ordinary() {
        return fixture.call(FROM_ACME, "91234567", "+4722120001");
    }

    private void end(CallRequest call) {
        fixture.capacity.onEvent(new CallEvent.Ended(call.callId(), fixture.clock.instant(), 200,
                EndCause.CALLER_HANGUP));
    }

    @Test
    void overTheChannelLimitIs503WithRetryAfter() {
        DefaultCallRouter router = routerWithLimits(30, 0);
        for (int i = 0; i < 30; i++) {
            assertThat(router.route(ordinary())).isInstanceOf(RoutePlan.Forward.class);
        }

        assertThat(router.route(ordinary())).isEqualTo(new RoutePlan.Reject(503,
                "Service Unavailable (trunk acme-pbx is at its limit of 30 channels)", "outbound.capacity",
                Optional.of(Duration.ofSeconds(5)), List.of(new PolicyEvent.LimitExceeded(ACME, ACME_PBX,
                LimitKind.CHANNELS))));
    }

    @Test
    void overTheRateIs503WithAShortRetryAfter() {
        DefaultCallRouter router = routerWithLimits(0, 10);
        for (int i = 0; i < 10; i++) {
            router.route(ordinary());
        }

        assertThat(router.route(ordinary())).isEqualTo(new RoutePlan.Reject(503,
                "Service Unavailable (trunk acme-pbx is at its limit of 10 calls per second)", "outbound.capacity",
                Optional.of(Duration.ofSeconds(1)), List.of(new PolicyEvent.LimitExceeded(ACME, ACME_PBX,
                LimitKind.CALLS_PER_SECOND))));
        fixture.clock.advance(Duration.ofMillis(100));
        assertThat(router.route(ordinary())).isInstanceOf(RoutePlan.Forward.class);
    }

    @Test
    void reasonsUseTheSingularForOne() {
        DefaultCallRouter router = routerWithLimits(1, 0);
        router.route(ordinary());
        assertThat(RoutingFixture.reject(router.route(ordinary())).reason())
                .isEqualTo("Service Unavailable (trunk acme-pbx is at its limit of 1 channel)");

        DefaultCallRouter rate = routerWithLimits(0, 1);
        rate.route(ordinary());
        assertThat(RoutingFixture.reject(rate.route(ordinary())).reason())
                .isEqualTo("Service Unavailable (trunk acme-pbx is at its limit of 1 call per second)");
    }

    @Test
    void anEndedCallGivesItsChannelBack() {
        DefaultCallRouter router = routerWithLimits(1, 0);
        CallRequest first = ordinary();
        router.route(first);
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");

        end(first);

        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void aCallRefusedAfterAdmissionGivesItsChannelBackAtOnce() {
        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, 1, 0).barred(ACME, BarringClass.INTERNATIONAL)
                .build();
        DefaultCallRouter router = fixture.router();

        assertThat(router.route(fixture.call(FROM_ACME, "letters", "+4722120001")).rule())
                .isEqualTo("outbound.callee-number");
        assertThat(router.route(fixture.call(FROM_ACME, "+46701234567", "+4722120001")).rule())
                .isEqualTo("outbound.barring");
        assertThat(router.route(fixture.call(FROM_ACME, "91234567", "+4790000000")).rule())
                .isEqualTo("outbound.caller-id");

        assertThat(fixture.capacity.activeChannels(ACME_PBX)).isZero();
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void refusedAttemptsStillSpendTheRate() {
        DefaultCallRouter router = routerWithLimits(0, 2);
        router.route(fixture.call(FROM_ACME, "letters", "+4722120001"));
        router.route(fixture.call(FROM_ACME, "91234567", "+4790000000"));

        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");
    }

    @Test
    void aReloadChangesTheLimitAndKeepsTheCount() {
        DefaultCallRouter router = routerWithLimits(5, 0);
        List<CallRequest> calls = List.of(ordinary(), ordinary(), ordinary(), ordinary());
        calls.forEach(router::route);

        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, 3, 0).build();
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");
        end(calls.get(0));
        end(calls.get(1));
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.carrier-gateways");
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");
    }

    /**
     * A PBX at its limit sends an INVITE reusing the Call-ID of its call in progress: refused,
     * and the Ended the edge publishes for the refusal does not free the real call's channel.
     */
    @Test
    void aReusedCallIdCannotFreeAChannel() {
        DefaultCallRouter router = routerWithLimits(1, 0);
        CallRequest call = ordinary();
        assertThat(router.route(call)).isInstanceOf(RoutePlan.Forward.class);

        CallRequest reuse = new CallRequest(call.callId(), FROM_ACME, "91234568", "+4722120002", Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(router.route(reuse)).isEqualTo(new RoutePlan.Reject(400,
                "Bad Request (Call-ID is already in use by a call in progress)", "outbound.capacity"));
        end(reuse);

        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");
        end(call);
        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.carrier-gateways");
    }

    @Test
    void anInboundCallReusingAnOutboundCallIdCannotFreeItsChannel() {
        DefaultCallRouter router = routerWithLimits(1, 0);
        CallRequest call = ordinary();
        router.route(call);

        CallRequest inbound = CallRequest.simple(call.callId(), RoutingFixture.FROM_CARRIER, "+4799999999",
                "+4791234567");
        router.route(inbound);
        end(inbound);

        assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.capacity");
    }

    @Test
    void aFailingPortAfterAdmissionDoesNotLeakTheChannel() {
        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, 1, 0).costLimit(ACME, "10").build();
        DefaultCallRouter router = new DefaultCallRouter(() -> fixture.tenants, aor -> List.of(),
                DemoTenants.gateways(), DemoTenants.DOMAIN, Country.NO, new RoutingServices(
                NumberPlan.nordicDefaults(), fixture.capacity, tenant -> {
                    throw new IllegalStateException("rating unavailable");
                }, gateway -> true, fixture.clock, new Random(1)));

        assertThatThrownBy(() -> router.route(ordinary()))
                .hasMessage("rating unavailable");
        assertThat(fixture.capacity.activeChannels(ACME_PBX)).isZero();
    }

    @Test
    void theCompatibilityConstructorsDoNotEnforceLimits() {
        fixture.tenants = DemoTenants.tenants().limits(ACME_PBX, 1, 1).build();
        DefaultCallRouter router = new DefaultCallRouter(() -> fixture.tenants, aor -> List.of(),
                DemoTenants.gateways(), DemoTenants.DOMAIN);

        for (int i = 0; i < 5; i++) {
            assertThat(router.route(ordinary()).rule()).isEqualTo("outbound.carrier-gateways");
        }
        assertThat(router.capacity().enforcing()).isFalse();
    }

    @Test
    void theRouterExposesItsCapacity() {
        assertThat(fixture.router().capacity()).isSameAs(fixture.capacity);
    }
}
