package io.sentral.core.tenant;

import io.sentral.core.number.Country;
import java.util.Objects;

/** A business customer of the operator; owns trunks, number ranges and switchboard data. */
public record Customer(TenantId id, String name, Country country) {
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
    }
}
