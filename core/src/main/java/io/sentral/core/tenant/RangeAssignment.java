package io.sentral.core.tenant;

import io.sentral.core.number.NumberRange;
import java.util.Objects;
import java.util.Optional;

/**
 * A number range owned by a customer (T3). Calls to it go to {@code trunk} when set; ranges of
 * switchboard customers have no trunk (their numbers belong to users and queues).
 */
public record RangeAssignment(TenantId tenant, NumberRange range, Optional<TrunkId> trunk) {
    public RangeAssignment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(trunk, "trunk");
    }
}
