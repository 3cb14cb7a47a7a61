package io.sentral.routing;

import io.sentral.config.NumberPlanSettings;
import io.sentral.config.NumberPlanSettings.CountryPlan;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies numbers by the operator's number plan (T8): premium-rate, special, freephone or
 * ordinary, for barring and the cost limit. The prefix lists and their validation are config's
 * {@link NumberPlanSettings} (one owner of the rules); this adds the one routing question: which
 * class does a number have. A number gets the class of the <em>longest</em> matching prefix, so
 * {@code +478} can make all Norwegian 8xx numbers special while {@code +47800} keeps freephone free
 * and {@code +47820} premium. A public number matching no prefix is {@link NumberClass#ORDINARY};
 * a short number matching none is {@link NumberClass#SPECIAL}.
 */
public record NumberPlan(NumberPlanSettings settings) {

    public NumberPlan {
        Objects.requireNonNull(settings, "settings");
    }

    /** The regulators' plans of Norway and Sweden ({@link NumberPlanSettings#nordicDefaults()}). */
    public static NumberPlan nordicDefaults() {
        return new NumberPlan(NumberPlanSettings.nordicDefaults());
    }

    /** A plan in which every public number is ordinary and every short number special. */
    public static NumberPlan empty() {
        return new NumberPlan(new NumberPlanSettings(Map.of()));
    }

    public CountryPlan prefixes(Country country) {
        return settings.plan(country);
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

    private static NumberClass longestMatch(CountryPlan prefixes, String number, boolean e164,
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
}
