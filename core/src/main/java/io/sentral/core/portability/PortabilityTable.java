package io.sentral.core.portability;

import io.sentral.core.number.E164Number;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The portability data routing reads (T9): numbers ported away, and numbers ported in with their dates. */
public final class PortabilityTable {
    private final Map<E164Number, PortedOut> portedOut;
    private final Map<E164Number, PortedIn> portedIn;

    public PortabilityTable(List<PortedOut> portedOut, List<PortedIn> portedIn) {
        this.portedOut = portedOut.stream().collect(Collectors.toUnmodifiableMap(PortedOut::number,
                Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("number " + a.number() + " is ported out twice");
                }));
        this.portedIn = portedIn.stream().collect(Collectors.toUnmodifiableMap(PortedIn::number,
                Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("number " + a.number() + " is ported in twice");
                }));
    }

    public static PortabilityTable empty() {
        return new PortabilityTable(List.of(), List.of());
    }

    public Optional<PortedOut> portedOut(E164Number number) {
        return Optional.ofNullable(portedOut.get(number));
    }

    public Optional<PortedIn> portedIn(E164Number number) {
        return Optional.ofNullable(portedIn.get(number));
    }

    public List<PortedOut> allPortedOut() {
        return List.copyOf(portedOut.values());
    }

    public List<PortedIn> allPortedIn() {
        return List.copyOf(portedIn.values());
    }
}
