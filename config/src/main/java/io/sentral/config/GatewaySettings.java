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
 * @param weight    share of calls among gateways of equal priority (like Kamailio's dispatcher weights)
 * @param locationFormat for emergency gateways: how the caller's civic address is attached
 * @param countries for emergency gateways: the callers' countries it serves (empty = all)
 */
public record GatewaySettings(String name, GatewayRole role, SipEndpoint endpoint, List<IpRange> trustedSources,
                              int priority, int weight, List<Country> countries, LocationFormat locationFormat) {
    public GatewaySettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(endpoint, "endpoint");
        trustedSources = List.copyOf(trustedSources);
        countries = List.copyOf(countries);
        Objects.requireNonNull(locationFormat, "locationFormat");
        if (weight < 1) {
            throw new IllegalArgumentException("gateway " + name + " weight must be at least 1: " + weight);
        }
    }

    /** Location as PIDF-LO. */
    public GatewaySettings(String name, GatewayRole role, SipEndpoint endpoint, List<IpRange> trustedSources,
                           int priority, int weight, List<Country> countries) {
        this(name, role, endpoint, trustedSources, priority, weight, countries, LocationFormat.PIDF_LO);
    }

    /** A gateway of weight 1. */
    public GatewaySettings(String name, GatewayRole role, SipEndpoint endpoint, List<IpRange> trustedSources,
                           int priority, List<Country> countries) {
        this(name, role, endpoint, trustedSources, priority, 1, countries);
    }
}
