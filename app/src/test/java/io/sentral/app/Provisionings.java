package io.sentral.app;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
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

    private static CustomerProvisioning copy(CustomerProvisioning p, java.util.List<Trunk> trunks,
                                             Set<BarringClass> barrings) {
        return new CustomerProvisioning(p.customer(), trunks, p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), p.queues(), p.vipList(), barrings, p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }
}
