package io.sentral.core.tenant;

import io.sentral.core.number.NumberRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * A customer's {@code numbers} split into the ranges each trunk receives and the rest, on no
     * trunk. Every trunk's range must lie within {@code numbers}; overlaps between trunks are left
     * to the customer's consistency check, which names both.
     */
    public static List<RangeAssignment> partition(TenantId tenant, List<NumberRange> numbers,
                                                  Map<TrunkId, List<NumberRange>> trunkRanges) {
        List<RangeAssignment> assignments = new ArrayList<>();
        List<NumberRange> onTrunks = new ArrayList<>();
        trunkRanges.forEach((trunk, ranges) -> ranges.forEach(range -> {
            if (!range.minus(numbers).isEmpty()) {
                throw new IllegalArgumentException("range " + range + " of trunk " + trunk + " is not among "
                        + tenant + "'s numbers");
            }
            assignments.add(new RangeAssignment(tenant, range, Optional.of(trunk)));
            onTrunks.add(range);
        }));
        for (NumberRange range : numbers) {
            range.minus(onTrunks).forEach(rest -> assignments.add(new RangeAssignment(tenant, rest, Optional.empty())));
        }
        return List.copyOf(assignments);
    }
}
