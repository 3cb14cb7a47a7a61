package io.sentral.core.tenant;

/**
 * Port: told when a new {@link TenantSnapshot} replaces the old one after provisioning, so that
 * routing and the SIP edge can swap their reference. Called on the provisioning thread: swap a
 * reference, do not block.
 */
@FunctionalInterface
public interface TenantSnapshotListener {
    void snapshotChanged(TenantSnapshot snapshot);
}
