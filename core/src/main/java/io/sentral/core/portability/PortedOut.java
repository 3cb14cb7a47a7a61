package io.sentral.core.portability;

import io.sentral.core.number.E164Number;
import java.util.Objects;
import java.util.Optional;

/**
 * A number ported away to another operator (T9): outbound calls to it carry the recipient
 * operator's routing prefix in the Request-URI and/or go to a named gateway.
 */
public record PortedOut(E164Number number, Optional<String> routingPrefix, Optional<String> gateway) {
    public PortedOut {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(routingPrefix, "routingPrefix");
        Objects.requireNonNull(gateway, "gateway");
        routingPrefix.ifPresent(p -> {
            if (!p.matches("[0-9A-Fa-f#*]{1,10}")) {
                throw new IllegalArgumentException("routing prefix must be 1-10 digits: '" + p + "'");
            }
        });
        if (routingPrefix.isEmpty() && gateway.isEmpty()) {
            throw new IllegalArgumentException("ported number " + number + " needs a routing prefix or a gateway");
        }
    }
}
