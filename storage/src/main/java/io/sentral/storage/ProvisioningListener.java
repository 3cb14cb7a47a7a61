package io.sentral.storage;

import io.sentral.core.tenant.TenantId;

/**
 * Told after a provisioning change of {@code tenant} has been committed, e.g. to reload the tenant
 * snapshot or drop a cache. Runs on the provisioning caller's thread.
 */
@FunctionalInterface
public interface ProvisioningListener {
    void provisioned(TenantId tenant);

    /**
     * The operator's ported-out table changed (T9). It belongs to no tenant; only listeners that
     * hold portability data (the tenant snapshot) need to act, so by default nothing happens.
     */
    default void portabilityChanged() {
    }
}
