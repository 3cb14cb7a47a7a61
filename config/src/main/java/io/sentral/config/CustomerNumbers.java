package io.sentral.config;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers one customer owns, each with the YAML path it was declared at: its ranges
 * ({@code numbers[]}, T3) and verified extra numbers ({@code extraNumbers[]}, T5). Answers the
 * ownership questions the other binders ask, with errors at the asking node.
 */
final class CustomerNumbers {
    /** A range and where it was declared. */
    record Declared(TenantId tenant, NumberRange range, String path) {
    }

    private final List<Declared> ranges;
    private final List<ExtraNumber> extras;
    private final List<Declared> extrasDeclared;

    private CustomerNumbers(List<Declared> ranges, List<ExtraNumber> extras, List<Declared> extrasDeclared) {
        this.ranges = List.copyOf(ranges);
        this.extras = List.copyOf(extras);
        this.extrasDeclared = List.copyOf(extrasDeclared);
    }

    /**
     * Binds {@code numbers} and {@code extraNumbers}; checks them against each other, against
     * {@code otherCustomers}' ranges, to which the new ranges are then added, and against the
     * numbers other customers have had ported in (T9). Ranges must be Norwegian or Swedish (T10).
     */
    static CustomerNumbers bind(YamlNode customer, TenantId tenant, List<Declared> otherCustomers,
                                List<Declared> portedInElsewhere) {
        List<Declared> ranges = new ArrayList<>();
        for (YamlNode item : customer.required("numbers", "a customer owns at least one number range")
                .elements()) {
            NumberRange range = item.range();
            requireNordic(item, range);
            for (Declared ported : portedInElsewhere) {
                if (range.contains(ported.range().first())) {
                    throw item.error(range + " contains " + ported.range().first() + ", ported in to customer "
                            + ported.tenant() + " (" + ported.path() + ")");
                }
            }
            for (Declared other : ranges) {
                if (other.range().overlaps(range)) {
                    throw item.error(range + " overlaps " + other.range() + " (" + other.path() + ")");
                }
            }
            for (Declared other : otherCustomers) {
                if (other.range().overlaps(range)) {
                    throw item.error(range + " overlaps " + other.range() + " of customer " + other.tenant()
                            + " (" + other.path() + ")");
                }
            }
            ranges.add(new Declared(tenant, range, item.path()));
        }
        if (ranges.isEmpty()) {
            throw customer.required("numbers").error("a customer owns at least one number range");
        }
        otherCustomers.addAll(ranges);
        Uniques seen = new Uniques();
        List<ExtraNumber> extras = new ArrayList<>();
        List<Declared> extrasDeclared = new ArrayList<>();
        for (YamlNode item : customer.elements("extraNumbers")) {
            NumberEntry entry = NumberEntry.bind(item);
            seen.claim("extra number", entry.number(), entry.at());
            for (Declared ported : portedInElsewhere) {
                if (ported.range().first().equals(entry.number())) {
                    throw entry.at().error(entry.number() + " is ported in to customer " + ported.tenant() + " ("
                            + ported.path() + ")");
                }
            }
            for (Declared declared : otherCustomers) {
                if (declared.range().contains(entry.number())) {
                    throw entry.at().error(entry.number() + " is already in the range " + declared.range()
                            + " of customer " + declared.tenant() + " (" + declared.path() + ")");
                }
            }
            extras.add(new ExtraNumber(tenant, entry.number(), entry.description()));
            extrasDeclared.add(new Declared(tenant, NumberRange.single(entry.number()), entry.at().path()));
        }
        return new CustomerNumbers(ranges, extras, extrasDeclared);
    }

    /**
     * T10: the operator serves Norwegian and Swedish numbers only. Both ends are checked, since
     * a range of equal-length numbers could start in one country code and end in another.
     */
    static void requireNordic(YamlNode at, NumberRange range) {
        Optional<Country> country = Country.of(range.first());
        if (country.isEmpty() || !country.equals(Country.of(range.last()))) {
            String what = range.size() == 1 ? range.first().toString() : range.toString();
            throw at.error(what + (range.size() == 1 ? " is not a Norwegian or Swedish number"
                    : " is not a range of Norwegian or Swedish numbers")
                    + " (customer numbers start with +47 or +46)");
        }
    }

    List<NumberRange> ranges() {
        return ranges.stream().map(Declared::range).toList();
    }

    List<ExtraNumber> extras() {
        return extras;
    }

    /** The extra numbers as ranges of one, with where they were declared. */
    List<Declared> extrasDeclared() {
        return extrasDeclared;
    }

    /** Where the customer declared the number as its own (a range or an extra number), if it did. */
    Optional<Declared> declaring(E164Number number) {
        return java.util.stream.Stream.concat(ranges.stream(), extrasDeclared.stream())
                .filter(d -> d.range().contains(number)).findFirst();
    }

    /** Fails at {@code at} unless every number of {@code range} is in the customer's ranges. */
    void requireInRanges(YamlNode at, NumberRange range) {
        if (!range.minus(ranges()).isEmpty()) {
            String what = range.size() == 1 ? range.first().toString() : range.toString();
            throw at.error(what + " is not among the customer's numbers " + ranges());
        }
    }

    /** Fails at {@code at} unless the number is in the customer's ranges or extra numbers (T5). */
    void requireOwned(YamlNode at, E164Number number) {
        boolean extra = extras.stream().anyMatch(e -> e.number().equals(number));
        if (!extra) {
            requireInRanges(at, NumberRange.single(number));
        }
    }

    /** A number list entry: {@code "+4790000001"} or {@code {number: "+4790000001", description: ...}}. */
    record NumberEntry(E164Number number, String description, YamlNode at) {
        static NumberEntry bind(YamlNode item) {
            if (!item.isMapping()) {
                return new NumberEntry(item.number(), "", item);
            }
            YamlNode entry = item.object(Set.of("number", "description"));
            YamlNode number = entry.required("number");
            return new NumberEntry(number.number(),
                    entry.optional("description").map(YamlNode::text).orElse(""), number);
        }
    }

    static Optional<Declared> overlapping(List<Declared> ranges, NumberRange range) {
        return ranges.stream().filter(d -> d.range().overlaps(range)).findFirst();
    }
}
