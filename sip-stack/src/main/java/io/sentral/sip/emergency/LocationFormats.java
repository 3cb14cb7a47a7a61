package io.sentral.sip.emergency;

import io.sentral.config.GatewaySettings;
import io.sentral.config.LocationFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which location format each gateway takes, by the SIP URI routing puts in its destinations;
 * PIDF-LO for anything not configured otherwise (RFC 6442 is the default).
 */
public final class LocationFormats {
    private final Map<String, LocationFormat> byUri;

    public LocationFormats(List<GatewaySettings> gateways) {
        this.byUri = gateways.stream().collect(Collectors.toUnmodifiableMap(g -> g.endpoint().uri(null),
                GatewaySettings::locationFormat, (a, b) -> a));
    }

    public LocationFormat of(String destinationUri) {
        return byUri.getOrDefault(destinationUri, LocationFormat.PIDF_LO);
    }
}
