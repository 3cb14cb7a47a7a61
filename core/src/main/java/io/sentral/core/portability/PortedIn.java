package io.sentral.core.portability;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A number ported in from another operator (T9): it joins the customer's numbers (on the trunk,
 * if given) from {@code from}; before that it is routed like any foreign number.
 */
public record PortedIn(TenantId tenant, E164Number number, Optional<TrunkId> trunk, Instant from) {
    public PortedIn {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(from, "from");
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(from);
    }
}
