package io.sentral.config;

import io.sentral.core.number.E164Number;
import io.sentral.core.portability.PortedOut;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds the operator's {@code portability} section (T9): {@code portedOut[]}, the numbers ported
 * away to other operators, each with the recipient's routing prefix and/or the carrier gateway
 * that reaches it. Absent, the file leaves the table alone (it may be kept through the API);
 * present, even empty, the file is the whole table.
 */
final class PortabilityBinder {
    private static final Set<String> ENTRY_KEYS = Set.of("number", "routingPrefix", "gateway");

    private PortabilityBinder() {
    }

    /**
     * @param gateways the configured gateways, which {@code gateway} must name (a carrier one)
     * @param portedIn the numbers customers had ported in: a number is not ported in and out at once
     */
    static Optional<List<PortedOut>> bind(Optional<YamlNode> section, List<GatewaySettings> gateways,
                                          List<CustomerNumbers.Declared> portedIn) {
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlNode portability = section.get().object(Set.of("portedOut"));
        Map<String, GatewaySettings> byName = gateways.stream()
                .collect(Collectors.toMap(GatewaySettings::name, Function.identity()));
        Uniques seen = new Uniques();
        return Optional.of(portability.elements("portedOut").stream()
                .map(item -> portedOut(item, byName, portedIn, seen)).toList());
    }

    private static PortedOut portedOut(YamlNode item, Map<String, GatewaySettings> gateways,
                                       List<CustomerNumbers.Declared> portedIn, Uniques seen) {
        YamlNode p = item.object(ENTRY_KEYS);
        YamlNode numberNode = p.required("number");
        E164Number number = numberNode.number();
        seen.claim("ported-out number", number, numberNode);
        portedIn.stream().filter(d -> d.range().first().equals(number)).findFirst().ifPresent(d -> {
            throw numberNode.error(number + " is ported in to customer " + d.tenant() + " (" + d.path()
                    + "); a number cannot be ported in and out at once");
        });
        Optional<String> prefix = p.optional("routingPrefix").map(n -> {
            n.quoted("\"1601\"");
            String text = n.nonBlankText().trim();
            n.build(() -> new PortedOut(number, Optional.of(text), Optional.empty()));
            return text;
        });
        Optional<String> gateway = p.optional("gateway").map(n -> {
            String name = n.nonBlankText();
            GatewaySettings g = gateways.get(name);
            if (g == null) {
                throw n.error("'" + name + "' is not a configured gateway (gateways: "
                        + String.join(", ", gateways.keySet().stream().sorted().toList()) + ")");
            }
            if (g.role() != GatewayRole.CARRIER) {
                throw n.error("'" + name + "' is an emergency gateway; ported numbers are reached through a carrier"
                        + " gateway");
            }
            return name;
        });
        if (prefix.isEmpty() && gateway.isEmpty()) {
            throw p.error("give a routingPrefix, a gateway or both for the ported number " + number);
        }
        return p.build(() -> new PortedOut(number, prefix, gateway));
    }
}
