package io.sentral.sip.emergency;

import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.number.E164Number;
import java.time.Instant;
import java.util.Objects;

/** The registered civic address of an emergency caller, as found when the call was placed (T6). */
public record CallerLocation(E164Number caller, CivicAddress address, Instant foundAt) {
    public CallerLocation {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(foundAt, "foundAt");
    }
}
