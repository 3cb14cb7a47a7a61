package io.sentral.core.emergency;

import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;

/**
 * The customer's statement that the numbers of {@code range} are used at {@code address} (T6).
 * Assignments of one customer may nest (a whole range at the head office, one number at a
 * branch); the most specific one wins.
 */
public record EmergencyAddressAssignment(TenantId tenant, NumberRange range, CivicAddress address) {
    public EmergencyAddressAssignment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(address, "address");
    }
}
