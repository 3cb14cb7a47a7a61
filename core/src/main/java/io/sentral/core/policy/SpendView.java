package io.sentral.core.policy;

import io.sentral.core.tenant.TenantId;
import java.math.BigDecimal;

/**
 * Port: what a customer has spent on chargeable calls in the current calendar month (T8). Fed by
 * call rating (R2); routing compares it with the customer's monthly cost limit. Must answer from
 * memory: routing does no I/O.
 */
@FunctionalInterface
public interface SpendView {
    BigDecimal spentThisMonth(TenantId tenant);

    /** Nothing spent by anyone: for deployments (and tests) without rating. */
    static SpendView none() {
        return tenant -> BigDecimal.ZERO;
    }
}
