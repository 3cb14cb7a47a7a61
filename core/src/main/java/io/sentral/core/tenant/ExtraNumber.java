package io.sentral.core.tenant;

import io.sentral.core.number.E164Number;
import java.util.Objects;

/** A number outside the customer's ranges that it has proven it owns, e.g. a company mobile (T5). */
public record ExtraNumber(TenantId tenant, E164Number number, String description) {
    public ExtraNumber {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(description, "description");
    }
}
