package io.sentral.storage;

import io.sentral.core.tenant.TenantId;

/**
 * Told after a provisioning change of {@code tenant} has been committed, e.g. to reload the tenant
 * snapshot or drop a cache. Runs on the provisioning caller's thread.
 */
@FunctionalInterface
public interface ProvisioningListener {
    void provisioned(TenantId tenant);
}
