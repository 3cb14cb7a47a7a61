package io.sentral.config;

import io.sentral.core.billing.BillingCategory;
import io.sentral.core.billing.Tariff;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Binds a tariff file (R2): {@code currency} and a rate for every billing category. */
final class TariffBinder {
    private TariffBinder() {
    }

    static Tariff bind(YamlNode root) {
        YamlNode tariff = root.object(Set.of("currency", "rates"));
        String currency = tariff.required("currency").nonBlankText();
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
            try {
                bound.put(category, new Tariff.Rate(rate.required("startFee").decimal(),
                        rate.required("perMinute").decimal(),
                        rate.optional("includedMinutes").map(n -> n.integer(0, 1_000_000)).orElse(0)));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        });
        for (BillingCategory category : BillingCategory.values()) {
            if (!bound.containsKey(category)) {
                throw rates.error("no rate for " + category.label());
            }
        }
        return new Tariff(currency, bound);
    }
}
