package io.sentral.core.route;

/**
 * Port: whether a gateway currently answers its OPTIONS pings (T4). Implemented by the SIP edge's
 * gateway monitor; routing leaves gateways that are down out of a plan while others are up.
 */
@FunctionalInterface
public interface GatewayHealth {
    boolean isUp(String gateway);

    /** Every gateway considered up: before the first ping, or without monitoring. */
    static GatewayHealth allUp() {
        return gateway -> true;
    }
}
