package io.sentral.app;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.Trunk;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Changes to the demo provisioning for tests of one policy at a time. */
final class Provisionings {

    private Provisionings() {
    }

    /** Sets the channel and calls-per-second limits of every trunk of {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> limits(String tenant, int channels, int callsPerSecond) {
        return p -> !p.tenant().value().equals(tenant) ? p : copy(p,
                p.trunks().stream().map(t -> new Trunk(t.id(), t.tenant(), t.kind(), t.credentials(),
                        t.trustedSources(), t.staticEndpoint(), t.defaultNumber(), t.callerIdPolicy(), channels,
                        callsPerSecond)).toList(), p.barrings());
    }

    /** Replaces the barrings of {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> barrings(String tenant, Set<BarringClass> barrings) {
        return p -> !p.tenant().value().equals(tenant) ? p : copy(p, p.trunks(), barrings);
    }

    /** Sets the monthly cost limit of {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> costLimit(String tenant, java.math.BigDecimal limit) {
        return p -> !p.tenant().value().equals(tenant) ? p : new CustomerProvisioning(p.customer(), p.trunks(),
                p.ranges(), p.extraNumbers(), p.mainNumber(), p.emergencyAddresses(), p.users(), p.queues(),
                p.vipList(), p.barrings(), p.webAccounts(), java.util.Optional.of(limit), p.portedIn());
    }

    /** Adds numbers ported in to {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> portedIn(String tenant, java.util.List<PortedIn> numbers) {
        return p -> !p.tenant().value().equals(tenant) ? p : new CustomerProvisioning(p.customer(), p.trunks(),
                p.ranges(), p.extraNumbers(), p.mainNumber(), p.emergencyAddresses(), p.users(), p.queues(),
                p.vipList(), p.barrings(), p.webAccounts(), p.monthlyCostLimit(), numbers);
    }

    /** Changes every queue of {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> queues(String tenant, UnaryOperator<Queue> change) {
        return p -> !p.tenant().value().equals(tenant) ? p : new CustomerProvisioning(p.customer(), p.trunks(),
                p.ranges(), p.extraNumbers(), p.mainNumber(), p.emergencyAddresses(), p.users(),
                p.queues().stream().map(change).toList(), p.vipList(), p.barrings(), p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }

    /** Changes every user of {@code tenant}. */
    static UnaryOperator<CustomerProvisioning> users(String tenant, UnaryOperator<User> change) {
        return p -> !p.tenant().value().equals(tenant) ? p : new CustomerProvisioning(p.customer(), p.trunks(),
                p.ranges(), p.extraNumbers(), p.mainNumber(), p.emergencyAddresses(),
                p.users().stream().map(change).toList(), p.queues(), p.vipList(), p.barrings(), p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }

    /** Queue timers short enough for socket tests: ring timeout, wrap-up and max wait. */
    static UnaryOperator<Queue> timers(java.time.Duration ring, java.time.Duration wrapUp, java.time.Duration maxWait) {
        return q -> new Queue(q.tenant(), q.name(), q.number(), q.members(), q.strategy(), ring, wrapUp, maxWait,
                q.maxWaiting(), q.overflow());
    }

    private static CustomerProvisioning copy(CustomerProvisioning p, java.util.List<Trunk> trunks,
                                             Set<BarringClass> barrings) {
        return new CustomerProvisioning(p.customer(), trunks, p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), p.queues(), p.vipList(), barrings, p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }
}
