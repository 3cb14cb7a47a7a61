package io.sentral.core.route;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import java.util.Objects;

/**
 * Marks a plan as an emergency call (T6): the edge looks up the civic address registered for
 * {@code locationNumber} (within a small time budget) and attaches it as PIDF-LO (RFC 6442).
 *
 * @param service        the recognised service, e.g. {@code urn:service:sos.police} or {@code 112}
 * @param locationNumber the caller's number whose registered address to attach
 * @param country        the caller's country (which emergency network)
 */
public record EmergencyContext(String service, E164Number locationNumber, Country country) {
    public EmergencyContext {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(locationNumber, "locationNumber");
        Objects.requireNonNull(country, "country");
    }
}
