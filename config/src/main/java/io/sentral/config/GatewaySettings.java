package io.sentral.config;

import io.sentral.core.number.Country;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import java.util.List;
import java.util.Objects;

/**
 * A gateway to the public or emergency network ({@code gateways[]} in YAML). Requests from
 * {@code trustedSources} (default: the endpoint's own address) are trusted as coming from it.
 *
 * @param priority  lower is tried first among gateways of the same role (T4 failover)
 * @param countries for emergency gateways: the callers' countries it serves (empty = all)
 */
public record GatewaySettings(String name, GatewayRole role, SipEndpoint endpoint, List<IpRange> trustedSources,
                              int priority, List<Country> countries) {
    public GatewaySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(endpoint, "endpoint");
        trustedSources = List.copyOf(trustedSources);
        countries = List.copyOf(countries);
    }
}
