package io.sentral.config;

import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a customer's {@code portedIn[]} (T9): numbers ported in from other operators, which join
 * the customer's numbers (on a trunk of its own, if given) from their porting time. A number has
 * one owner: it must not be in any customer's ranges or extra numbers, nor ported in twice; and it
 * must be Norwegian or Swedish like every customer number (T10). Remembers every number it bound,
 * for the checks of later customers' ranges and of the operator's ported-out table.
 */
final class PortedInBinder {
    private static final Set<String> KEYS = Set.of("number", "trunk", "from");

    private final List<CustomerNumbers.Declared> declared = new ArrayList<>();

    /** Every ported-in number bound so far, as a range of one with where it was declared. */
    List<CustomerNumbers.Declared> declared() {
        return declared;
    }

    /**
     * @param otherRanges every customer's ranges bound so far (the customer's own included)
     * @param otherExtras every other customer's extra numbers bound so far
     */
    List<PortedIn> bind(List<YamlNode> items, TenantId tenant, CustomerNumbers own, Set<TrunkId> trunks,
                        List<CustomerNumbers.Declared> otherRanges, List<CustomerNumbers.Declared> otherExtras) {
        List<PortedIn> portedIn = new ArrayList<>();
        for (YamlNode item : items) {
            YamlNode p = item.object(KEYS);
            YamlNode numberNode = p.required("number");
            E164Number number = numberNode.number();
            CustomerNumbers.requireNordic(numberNode, NumberRange.single(number));
            own.declaring(number).ifPresent(d -> {
                throw numberNode.error(number + " is already among the customer's numbers (" + d.path() + ")");
            });
            for (List<CustomerNumbers.Declared> taken : List.of(otherRanges, otherExtras)) {
                taken.stream().filter(d -> !d.tenant().equals(tenant) && d.range().contains(number)).findFirst()
                        .ifPresent(d -> {
                            throw numberNode.error(number + " belongs to customer " + d.tenant() + " ("
                                    + d.path() + ")");
                        });
            }
            declared.stream().filter(d -> d.range().first().equals(number)).findFirst().ifPresent(d -> {
                throw numberNode.error(number + " is already ported in to customer " + d.tenant() + " ("
                        + d.path() + ")");
            });
            Optional<TrunkId> trunk = p.optional("trunk").map(n -> {
                TrunkId id = n.parse(TrunkId::of);
                if (!trunks.contains(id)) {
                    throw n.error("'" + id + "' is not a trunk of customer " + tenant);
                }
                return id;
            });
            Instant from = p.required("from", "the porting date").parse(PortedInBinder::portingTime);
            declared.add(new CustomerNumbers.Declared(tenant, NumberRange.single(number), numberNode.path()));
            portedIn.add(new PortedIn(tenant, number, trunk, from));
        }
        return portedIn;
    }

    /**
     * {@code 2026-12-01} is the start of that day in UTC; {@code 2026-12-01T06:00:00Z} or
     * {@code 2026-12-01T07:00:00+01:00} is that instant. Whole seconds only: the time is stored
     * and compared as given.
     */
    static Instant portingTime(String text) {
        String value = text.trim();
        Instant instant;
        try {
            instant = value.contains("T")
                    ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date or instant: '" + text + "' (use 2026-12-01 for the"
                    + " start of that day UTC, or an ISO instant such as 2026-12-01T06:00:00Z)");
        }
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException("give the porting time in whole seconds: '" + text + "'");
        }
        return instant;
    }
}
