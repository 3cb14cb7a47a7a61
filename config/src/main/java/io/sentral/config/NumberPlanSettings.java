package io.sentral.config;

import io.sentral.core.number.Country;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which numbers of each country are premium-rate, special or freephone ({@code numberPlan} in
 * YAML): the classes that barring and the monthly cost limit act on (T8). Owned by operations,
 * like the gateways: the regulators' plans change rarely, but they do change, and an operator may
 * want to bar more than the regulator lists.
 *
 * <p>A prefix is either an E.164 prefix of the country ({@code +47820}: its country code and at
 * least one more digit) or a short-number prefix of 1-6 digits ({@code 18}: short numbers as a
 * customer of that country dials them). A prefix has one class per country. Routing gives a number
 * the class of the longest matching prefix, so a broad {@code +478} (special) and a narrower
 * {@code +47820} (premium-rate) can both be listed. The rules are those of routing's number plan,
 * so that every valid setting builds one.
 *
 * @param countries the prefix lists of each country; a country left out has none
 */
public record NumberPlanSettings(Map<Country, CountryPlan> countries) {
    private static final Pattern E164_PREFIX = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SHORT_PREFIX = Pattern.compile("[0-9]{1,6}");

    public NumberPlanSettings {
        countries = Map.copyOf(countries);
        countries.forEach(NumberPlanSettings::check);
    }

    /**
     * The prefix lists of one country.
     *
     * @param premiumRate premium-rate and content numbers (barring class {@code premium-rate})
     * @param special     shared-cost, national service and short numbers (barring class {@code special-numbers})
     * @param freephone   numbers free for the caller (never stopped by the monthly cost limit)
     */
    public record CountryPlan(List<String> premiumRate, List<String> special, List<String> freephone) {
        public CountryPlan {
            premiumRate = List.copyOf(premiumRate);
            special = List.copyOf(special);
            freephone = List.copyOf(freephone);
        }

        public static CountryPlan none() {
            return new CountryPlan(List.of(), List.of(), List.of());
        }

        /** Every prefix of the plan, premium-rate first. */
        public List<String> all() {
            return java.util.stream.Stream.of(premiumRate, special, freephone).flatMap(List::stream).toList();
        }
    }

    /**
     * The defaults, from the regulators' published plans:
     * <ul>
     *   <li>Norway (Nkom, "Alle nummerserier for norske telefonnumre" and "Number for premium rate
     *       services"): 820 and 829 are the premium-rate content ranges; directory enquiries
     *       1800-1899 are premium-rate too. 800 is freephone. The rest of 800-899 are special
     *       numbers, as are the 5-digit 02000-09999 and the short 1xx/116xxx numbers when written
     *       in E.164 ({@code +470}, {@code +471}). 810, 815 and 85x are special but <em>not</em>
     *       premium-rate: since Nkom's common-charging rule ("felles taksering", in force from a
     *       1 September, as reported by Aftenbladet) they may not be charged above an ordinary
     *       call.</li>
     *   <li>Sweden (PTS numbering plan; Telekområdgivarna, "Premium rate calls or free numbers?"
     *       and "Nummerinformation"): 0900, 0939 and 0944 are premium-rate ("900-tjänster"), 099
     *       mass-calling numbers always carry a per-call price, directory enquiries 118xxx are
     *       premium-rate; 020 is freephone; 077 is shared-cost (special).</li>
     * </ul>
     * These are the same lists as routing's built-in Nordic plan.
     */
    public static NumberPlanSettings nordicDefaults() {
        return new NumberPlanSettings(Map.of(
                Country.NO, new CountryPlan(
                        List.of("+47820", "+47829", "18"),
                        List.of("+478", "+470", "+471"),
                        List.of("+47800")),
                Country.SE, new CountryPlan(
                        List.of("+46900", "+46939", "+46944", "+4699", "118"),
                        List.of("+4677"),
                        List.of("+4620"))));
    }

    /** The country's lists; none if the country is not in the plan. */
    public CountryPlan plan(Country country) {
        return countries.getOrDefault(Objects.requireNonNull(country, "country"), CountryPlan.none());
    }

    /** This plan with one country's lists replaced. */
    public NumberPlanSettings with(Country country, CountryPlan plan) {
        Map<Country, CountryPlan> changed = new EnumMap<>(Country.class);
        changed.putAll(countries);
        changed.put(Objects.requireNonNull(country, "country"), Objects.requireNonNull(plan, "plan"));
        return new NumberPlanSettings(changed);
    }

    /** What is wrong with {@code prefix} as a prefix of {@code country}, if anything. */
    static Optional<String> problemWith(Country country, String prefix) {
        String own = "+" + country.countryCode();
        if (E164_PREFIX.matcher(prefix).matches()) {
            if (!prefix.startsWith(own)) {
                return Optional.of(prefix + " is not a prefix of " + country + " (it must start with " + own + ")");
            }
            if (prefix.length() == own.length()) {
                return Optional.of(prefix + " would cover every " + country + " number (add at least one digit)");
            }
            return Optional.empty();
        }
        if (SHORT_PREFIX.matcher(prefix).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + prefix + "' is neither an E.164 prefix ('+' and digits, e.g. " + own
                + "820) nor a short-number prefix (1-6 digits)");
    }

    private static void check(Country country, CountryPlan plan) {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(plan, "plan of " + country);
        Set<String> seen = new HashSet<>();
        for (String prefix : plan.all()) {
            problemWith(country, prefix).ifPresent(problem -> {
                throw new IllegalArgumentException("number plan " + country + ": " + problem);
            });
            if (!seen.add(prefix)) {
                throw new IllegalArgumentException("number plan " + country + ": prefix " + prefix
                        + " is listed twice (a prefix has one class)");
            }
        }
    }
}
