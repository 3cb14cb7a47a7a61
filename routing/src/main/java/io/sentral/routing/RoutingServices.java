package io.sentral.routing;

import io.sentral.core.policy.SpendView;
import io.sentral.core.route.GatewayHealth;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * What the trunk-policy stages of {@link DefaultCallRouter} need besides tenant data and
 * gateways (T4-T9), wired by the app.
 *
 * @param numberPlan premium-rate, special and freephone prefixes per country (barring, cost limit)
 * @param capacity   live channel and calls-per-second counts; the app must also register it as a
 *                   {@link io.sentral.core.call.CallEventListener}, or channels are never given back
 * @param spend      what each customer has spent this month (cost limit); must answer from memory
 * @param health     which gateways answer their OPTIONS pings (reorders, never removes)
 * @param clock      "now" for porting dates and token buckets
 * @param random     draws the weighted order among gateways of equal priority; must be safe for
 *                   concurrent use ({@link #sharedRandom()}, or {@code java.util.Random} in tests)
 */
public record RoutingServices(NumberPlan numberPlan, TrunkCapacity capacity, SpendView spend, GatewayHealth health,
                              Clock clock, RandomGenerator random) {
    public RoutingServices {
        Objects.requireNonNull(numberPlan, "numberPlan");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /**
     * For the compatibility constructors of {@link DefaultCallRouter}: the Nordic number plan,
     * capacity limits not enforced (nothing would give channels back), nothing spent, every
     * gateway up, the system clock.
     */
    public static RoutingServices withoutLimits() {
        return new RoutingServices(NumberPlan.nordicDefaults(), TrunkCapacity.notEnforced(), SpendView.none(),
                GatewayHealth.allUp(), Clock.systemUTC(), sharedRandom());
    }

    /** A generator safe on any thread: each call draws from the calling thread's {@link ThreadLocalRandom}. */
    public static RandomGenerator sharedRandom() {
        return () -> ThreadLocalRandom.current().nextLong();
    }
}
