package io.sentral.routing;

import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Instant;

/**
 * Whether a customer owns a number (T5, T9): it is in one of the customer's own ranges and has
 * not been ported away, or it is one of its verified extra numbers (company mobiles may live with
 * any operator, so porting does not touch them), or it was ported in to the customer and the
 * porting date has come. A number of another customer's range is never owned.
 */
final class NumberOwnership {

    private NumberOwnership() {
    }

    static boolean owns(TenantSnapshot tenants, TenantId tenant, E164Number number, Instant now) {
        PortabilityTable portability = tenants.portability();
        boolean inOwnRange = tenants.ranges().stream()
                .anyMatch(r -> r.tenant().equals(tenant) && r.range().contains(number));
        if (inOwnRange && portability.portedOut(number).isEmpty()) {
            return true;
        }
        if (tenants.extraNumbers(tenant).stream().anyMatch(e -> e.number().equals(number))) {
            return true;
        }
        return portability.portedIn(number)
                .filter(p -> p.tenant().equals(tenant) && p.activeAt(now))
                .isPresent();
    }
}
