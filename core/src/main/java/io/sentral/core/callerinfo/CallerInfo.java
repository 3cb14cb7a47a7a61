package io.sentral.core.callerinfo;

import io.sentral.core.number.E164Number;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling (S11): a name and address for a number, from the company directory, the external
 * number lookup, or nowhere (unknown — also when the lookup did not answer within its budget).
 */
public record CallerInfo(E164Number number, Optional<String> name, Optional<String> address, Source source) {

    public enum Source {
        DIRECTORY,
        LOOKUP,
        UNKNOWN
    }

    public CallerInfo {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(source, "source");
    }

    public static CallerInfo unknown(E164Number number) {
        return new CallerInfo(number, Optional.empty(), Optional.empty(), Source.UNKNOWN);
    }
}
