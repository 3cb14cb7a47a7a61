package io.sentral.routing;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The per-country number classes that barring and the cost limit read (T8): which prefixes are
 * premium-rate, special or freephone. The operator configures it; {@link #nordicDefaults()} is
 * the plan as published by the Norwegian and Swedish regulators.
 *
 * <p>A prefix is either an E.164 prefix ({@code +47820}: matches public numbers, and must start
 * with the country's own code plus at least one digit) or a bare digit prefix ({@code 18}:
 * matches short numbers of 3-6 digits as dialled by a customer of that country). A number gets the
 * class of the <em>longest</em> prefix that matches it, so {@code +478} can make all Norwegian
 * 8xx numbers special while {@code +47800} keeps freephone free and {@code +47820} premium. A
 * public number matching no prefix is {@link NumberClass#ORDINARY}; a short number matching none
 * is {@link NumberClass#SPECIAL}. A prefix may appear in only one list of a country.
 *
 * @param countries the prefixes of each country; a country left out has none
 */
public record NumberPlan(Map<Country, CountryPrefixes> countries) {
    private static final Pattern E164_PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");
    private static final Pattern SHORT_PREFIX = Pattern.compile("[0-9]{1,6}");

    public NumberPlan {
        countries = Map.copyOf(countries);
        countries.forEach(NumberPlan::check);
    }

    /**
     * The prefix lists of one country.
     *
     * @param premiumRate premium-rate and content numbers
     * @param special     shared-cost and national service numbers
     * @param freephone   numbers free for the caller
     */
    public record CountryPrefixes(List<String> premiumRate, List<String> special, List<String> freephone) {
        public CountryPrefixes {
            premiumRate = List.copyOf(premiumRate);
            special = List.copyOf(special);
            freephone = List.copyOf(freephone);
        }

        public static CountryPrefixes none() {
            return new CountryPrefixes(List.of(), List.of(), List.of());
        }
    }

    /**
     * The plans of the regulators, as of 2024:
     * <ul>
     *   <li>Norway (Nkom, "Alle nummerserier for norske telefonnumre" and "Number for premium rate
     *       services"): 800-899 are 8-digit special numbers, of which 800 is freephone and 820/829
     *       premium-rate content services; 02000-09999 are 5-digit special numbers and 1xx, 116xxx
     *       short special numbers (also when written as {@code +470…}/{@code +471…}); directory
     *       enquiries 1800-1899 are premium-rate.</li>
     *   <li>Sweden (PTS numbering plan; Telekområdgivarna "Premium rate calls"): 0900, 0939, 0944
     *       and 099 are premium-rate, 020 freephone, 077 shared-cost special numbers; directory
     *       enquiries 118xxx are premium-rate.</li>
     * </ul>
     */
    public static NumberPlan nordicDefaults() {
        return new NumberPlan(Map.of(
                Country.NO, new CountryPrefixes(
                        List.of("+47820", "+47829", "18"),
                        List.of("+478", "+470", "+471"),
                        List.of("+47800")),
                Country.SE, new CountryPrefixes(
                        List.of("+46900", "+46939", "+46944", "+4699", "118"),
                        List.of("+4677"),
                        List.of("+4620"))));
    }

    /** A plan in which every public number is ordinary and every short number special. */
    public static NumberPlan empty() {
        return new NumberPlan(Map.of());
    }

    public CountryPrefixes prefixes(Country country) {
        return countries.getOrDefault(country, CountryPrefixes.none());
    }

    /** The class of a public number, by the plan of the country whose code it has. */
    public NumberClass classify(E164Number number) {
        return Country.of(number)
                .map(country -> longestMatch(prefixes(country), number.value(), true, NumberClass.ORDINARY))
                .orElse(NumberClass.ORDINARY);
    }

    /** The class of a short number dialled by a customer of {@code country}. */
    public NumberClass classifyShort(String digits, Country country) {
        return longestMatch(prefixes(country), digits, false, NumberClass.SPECIAL);
    }

    private static NumberClass longestMatch(CountryPrefixes prefixes, String number, boolean e164,
                                            NumberClass otherwise) {
        NumberClass best = otherwise;
        int bestLength = 0;
        Map<NumberClass, List<String>> lists = new EnumMap<>(NumberClass.class);
        lists.put(NumberClass.PREMIUM_RATE, prefixes.premiumRate());
        lists.put(NumberClass.SPECIAL, prefixes.special());
        lists.put(NumberClass.FREEPHONE, prefixes.freephone());
        for (Map.Entry<NumberClass, List<String>> list : lists.entrySet()) {
            for (String prefix : list.getValue()) {
                if (prefix.startsWith("+") == e164 && number.startsWith(prefix) && prefix.length() > bestLength) {
                    best = list.getKey();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    private static void check(Country country, CountryPrefixes prefixes) {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(prefixes, "prefixes of " + country);
        Set<String> seen = new HashSet<>();
        for (List<String> list : List.of(prefixes.premiumRate(), prefixes.special(), prefixes.freephone())) {
            for (String prefix : list) {
                checkPrefix(country, prefix);
                if (!seen.add(prefix)) {
                    throw new IllegalArgumentException("number plan " + country + ": prefix " + prefix
                            + " is listed twice (a prefix has one class)");
                }
            }
        }
    }

    private static void checkPrefix(Country country, String prefix) {
        String own = "+" + country.countryCode();
        if (E164_PREFIX.matcher(prefix).matches()) {
            if (!prefix.startsWith(own)) {
                throw new IllegalArgumentException("number plan " + country + ": prefix " + prefix
                        + " is not a " + country + " number (it must start with " + own + ")");
            }
            if (prefix.length() == own.length()) {
                throw new IllegalArgumentException("number plan " + country + ": prefix " + prefix
                        + " would cover every " + country + " number");
            }
        } else if (!SHORT_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("number plan " + country + ": prefix '" + ReasonText.quote(prefix)
                    + "' is neither an E.164 prefix (+ and digits) nor a short-number prefix (1-6 digits)");
        }
    }
}
