package io.sentral.config;

import io.sentral.core.number.Country;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code gateways[]}: the carrier and emergency gateways. A gateway is trusted from its own
 * address unless {@code trustedSources} says otherwise. Among gateways of equal priority, calls are
 * shared by {@code weight} (T4, like Kamailio's dispatcher).
 */
final class GatewayBinder {
    private GatewayBinder() {
    }

    static List<GatewaySettings> bind(List<YamlNode> items) {
        Uniques names = new Uniques();
        return items.stream().map(item -> bind(item, names)).toList();
    }

    private static GatewaySettings bind(YamlNode item, Uniques names) {
        YamlNode g = item.object(Set.of("name", "role", "address", "transport", "trustedSources", "priority",
                "weight", "countries", "locationFormat"));
        YamlNode nameNode = g.required("name");
        String name = nameNode.nonBlankText();
        names.claim("gateway name", name, nameNode);
        GatewayRole role = g.optional("role").map(n -> n.enumValue(GatewayRole.class, "gateway role"))
                .orElse(GatewayRole.CARRIER);
        SipEndpoint endpoint = endpoint(g);
        YamlNode address = g.required("address");
        List<IpRange> trusted = g.has("trustedSources")
                ? g.elements("trustedSources").stream().map(n -> n.parse(IpRange::parse)).toList()
                : List.of(address.build(() -> IpRange.parse(endpoint.host())));
        int priority = g.optional("priority").map(n -> n.integer(0, 1000)).orElse(1);
        int weight = g.optional("weight").map(n -> n.integer(1, 1000)).orElse(1);
        List<Country> countries = g.elements("countries").stream().map(GatewayBinder::country).toList();
        if (role == GatewayRole.CARRIER && !countries.isEmpty()) {
            throw g.required("countries").error("only emergency gateways serve particular countries");
        }
        LocationFormat format = g.optional("locationFormat")
                .map(n -> n.enumValue(LocationFormat.class, "location format")).orElse(LocationFormat.PIDF_LO);
        if (role == GatewayRole.CARRIER && g.has("locationFormat")) {
            throw g.required("locationFormat").error("only emergency gateways receive caller locations");
        }
        return new GatewaySettings(name, role, endpoint, trusted, priority, weight, countries, format);
    }

    /** {@code address: host:port} plus optional {@code transport}. */
    static SipEndpoint endpoint(YamlNode owner) {
        YamlNode address = owner.required("address");
        SipEndpoint parsed = address.parse(SipEndpoint::parse);
        Transport transport = owner.optional("transport").map(n -> n.enumValue(Transport.class, "transport"))
                .orElse(Transport.UDP);
        return new SipEndpoint(parsed.host(), parsed.port(), transport);
    }

    static Country country(YamlNode node) {
        node.quoted("\"NO\"");
        return node.parse(Country::parse);
    }
}
