package io.sentral.app;

import io.sentral.config.NumberPlanSettings;
import io.sentral.routing.NumberPlan;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the ops-owned {@code numberPlan:} settings into the number plan routing classifies with (T8). */
final class NumberPlans {

    private NumberPlans() {
    }

    static NumberPlan from(NumberPlanSettings settings) {
        return new NumberPlan(settings.countries().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> new NumberPlan.CountryPrefixes(e.getValue().premiumRate(),
                        e.getValue().special(), e.getValue().freephone()))));
    }
}
