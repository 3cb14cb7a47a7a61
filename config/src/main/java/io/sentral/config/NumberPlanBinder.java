package io.sentral.config;

import io.sentral.core.number.Country;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code numberPlan} (T8) onto {@link NumberPlanSettings#nordicDefaults()}: a country given
 * replaces the default lists it names ({@code premiumRate}, {@code special}, {@code freephone});
 * a list left out keeps its default and {@code []} empties it. Prefixes are quoted text, because
 * YAML reads {@code +47820} as the integer 47820.
 */
final class NumberPlanBinder {
    private static final Set<String> KEYS = Set.of("premiumRate", "special", "freephone");

    private NumberPlanBinder() {
    }

    static NumberPlanSettings bind(Optional<YamlNode> section) {
        NumberPlanSettings plan = NumberPlanSettings.nordicDefaults();
        if (section.isEmpty()) {
            return plan;
        }
        YamlNode root = section.get();
        for (Map.Entry<String, YamlNode> entry : root.mapping().entrySet()) {
            YamlNode countryNode = entry.getValue();
            Country country = countryNode.build(() -> Country.parse(entry.getKey()));
            NumberPlanSettings before = plan;
            NumberPlanSettings.CountryPlan lists = countryPlan(countryNode.object(KEYS), country, before.plan(country));
            plan = countryNode.build(() -> before.with(country, lists));
        }
        return plan;
    }

    private static NumberPlanSettings.CountryPlan countryPlan(YamlNode node, Country country,
                                                              NumberPlanSettings.CountryPlan defaults) {
        Uniques seen = new Uniques();
        List<String> premiumRate = list(node, "premiumRate", country, seen).orElse(defaults.premiumRate());
        List<String> special = list(node, "special", country, seen).orElse(defaults.special());
        List<String> freephone = list(node, "freephone", country, seen).orElse(defaults.freephone());
        return node.build(() -> new NumberPlanSettings.CountryPlan(premiumRate, special, freephone));
    }

    private static Optional<List<String>> list(YamlNode plan, String key, Country country, Uniques seen) {
        if (!plan.has(key)) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (YamlNode item : plan.required(key).elements()) {
            String prefix = item.quoted("\"+" + country.countryCode() + "820\"").trim();
            NumberPlanSettings.problemWith(country, prefix).ifPresent(problem -> {
                throw item.error(problem);
            });
            seen.claim("prefix", prefix, item);
            prefixes.add(prefix);
        }
        return Optional.of(prefixes);
    }
}
