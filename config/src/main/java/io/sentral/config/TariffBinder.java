package io.sentral.config;

import io.sentral.core.billing.BillingCategory;
import io.sentral.core.billing.Tariff;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Binds a tariff file (R2): {@code currency} (ISO 4217) and under {@code rates} a rate for every
 * billing category by its label ({@code forwarded-transferred}): {@code startFee} and
 * {@code perMinute} as decimals, {@code includedMinutes} optional (default 0; per customer and
 * calendar month, none for special numbers and forwarded/transferred calls). A missing category,
 * an unknown category or key, or a bad amount is a {@link ConfigException} naming the file and the
 * YAML path, so a wrong tariff stops the node instead of rating calls silently at zero.
 */
final class TariffBinder {
    private TariffBinder() {
    }

    static Tariff bind(YamlNode root) {
        YamlNode tariff = root.object(Set.of("currency", "rates"));
        YamlNode currencyNode = tariff.required("currency");
        String currency = currencyNode.nonBlankText();
        YamlNode rates = tariff.required("rates");
        Map<BillingCategory, Tariff.Rate> bound = new EnumMap<>(BillingCategory.class);
        rates.mapping().forEach((label, node) -> {
            BillingCategory category;
            try {
                category = BillingCategory.fromLabel(label);
            } catch (IllegalArgumentException e) {
                throw node.error("unknown billing category (expected one of: " + String.join(", ",
                        Arrays.stream(BillingCategory.values()).map(BillingCategory::label).toList()) + ")");
            }
            YamlNode rate = node.object(Set.of("startFee", "perMinute", "includedMinutes"));
            int included = rate.optional("includedMinutes").map(n -> n.integer(0, 1_000_000)).orElse(0);
            if (included > 0 && !Tariff.usesIncludedMinutes(category)) {
                throw rate.required("includedMinutes").error(Tariff.noIncludedMinutes(category, included));
            }
            try {
                bound.put(category, new Tariff.Rate(rate.required("startFee").decimal(),
                        rate.required("perMinute").decimal(), included));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        });
        for (BillingCategory category : BillingCategory.values()) {
            if (!bound.containsKey(category)) {
                throw rates.error("no rate for " + category.label());
            }
        }
        try {
            return new Tariff(currency, bound);
        } catch (IllegalArgumentException e) {
            throw currencyNode.error(e.getMessage()); // every category is bound: only the currency is left
        }
    }
}
