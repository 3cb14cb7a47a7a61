package io.sentral.core.emergency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the emergency address registry's history (T6): the assignment was in force from
 * {@code validFrom} until {@code validTo} (empty = still in force), entered by {@code changedBy}
 * and ended by {@code endedBy}. The registry never forgets where a number was.
 */
public record EmergencyAddressVersion(EmergencyAddressAssignment assignment, Instant validFrom,
                                      Optional<Instant> validTo, String changedBy, Optional<String> endedBy) {
    public EmergencyAddressVersion {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(endedBy, "endedBy");
        if (validTo.isPresent() != endedBy.isPresent()) {
            throw new IllegalArgumentException("an ended address version needs both validTo and endedBy");
        }
    }

    public boolean current() {
        return validTo.isEmpty();
    }
}
