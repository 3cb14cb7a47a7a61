package io.sentral.routing;

import io.sentral.core.number.Country;
import java.util.Objects;

/**
 * A recognised emergency call (T6).
 *
 * @param service      what was asked for, canonical: the short number ({@code 112}) or the service
 *                     URN in lower case ({@code urn:service:sos.fire}, RFC 5031)
 * @param country      whose emergency network: the country of the dialled number's prefix, else
 *                     the customer's
 * @param shortNumber  the national number for the service ({@code 110} for {@code sos.fire} in
 *                     Norway), for networks that do not route service URNs
 */
record EmergencyService(String service, Country country, String shortNumber) {
    EmergencyService {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(shortNumber, "shortNumber");
    }

    boolean isUrn() {
        return service.startsWith("urn:");
    }
}
