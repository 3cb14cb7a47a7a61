package io.sentral.storage;

import io.sentral.core.account.WebAccount;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.Trunk;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Copies of a provisioning with one part replaced, for update tests. */
final class Edit {
    private Edit() {
    }

    static CustomerProvisioning trunks(CustomerProvisioning p, List<Trunk> trunks, List<RangeAssignment> ranges) {
        return new CustomerProvisioning(p.customer(), trunks, ranges, p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), p.queues(), p.vipList(), p.barrings(), p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }

    static CustomerProvisioning switchboard(CustomerProvisioning p, List<User> users, List<Queue> queues,
                                            List<WebAccount> accounts) {
        return new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), users, queues, p.vipList(), p.barrings(), accounts, p.monthlyCostLimit(),
                p.portedIn());
    }

    static CustomerProvisioning addresses(CustomerProvisioning p, List<EmergencyAddressAssignment> addresses) {
        return new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                addresses, p.users(), p.queues(), p.vipList(), p.barrings(), p.webAccounts(), p.monthlyCostLimit(),
                p.portedIn());
    }

    static CustomerProvisioning accounts(CustomerProvisioning p, List<WebAccount> accounts) {
        return new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), p.queues(), p.vipList(), p.barrings(), accounts, p.monthlyCostLimit(),
                p.portedIn());
    }

    /** With a monthly cost limit (T8) and ported-in numbers (T9). */
    static CustomerProvisioning policy(CustomerProvisioning p, Optional<BigDecimal> costLimit, List<PortedIn> portedIn) {
        return new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), p.queues(), p.vipList(), p.barrings(), p.webAccounts(), costLimit,
                portedIn);
    }

    static CustomerProvisioning withoutAccounts(CustomerProvisioning p) {
        return accounts(p, List.of());
    }
}
