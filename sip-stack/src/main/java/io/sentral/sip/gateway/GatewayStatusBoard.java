package io.sentral.sip.gateway;

import io.sentral.core.route.GatewayHealth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which gateways answer their OPTIONS pings (T4). Written by the {@link GatewayPinger}, read by
 * routing through {@link GatewayHealth} and by metrics. A gateway counts as up until a ping says
 * otherwise; every change is logged.
 */
public final class GatewayStatusBoard implements GatewayHealth {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayStatusBoard.class);

    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    @Override
    public boolean isUp(String gateway) {
        return up.getOrDefault(gateway, true);
    }

    void mark(String gateway, boolean nowUp, String why) {
        Boolean before = up.put(gateway, nowUp);
        boolean wasUp = before == null || before;
        if (wasUp && !nowUp) {
            LOG.warn("gateway {} is DOWN: {}; calls go to the other gateways", gateway, why);
        } else if (!wasUp && nowUp) {
            LOG.info("gateway {} is up again: {}", gateway, why);
        }
    }
}
