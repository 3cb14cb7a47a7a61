package io.sentral.storage;

/**
 * Provisioning was refused because it clashes with another customer's data already in the
 * database: an overlapping number range, a trunk id, SIP username or account name in use. The
 * API answers it with 409 Conflict; nothing was changed.
 */
public final class ProvisioningConflictException extends RuntimeException {
    public ProvisioningConflictException(String message) {
        super(message);
    }
}
