package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.config.NumberPlanSettings;
import io.sentral.config.NumberPlanSettings.CountryPlan;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The number classes barring and the cost limit read (T8). */
class NumberPlanTest {
    private final NumberPlan nordic = NumberPlan.nordicDefaults();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "+4722120005, ORDINARY", "+4791234567, ORDINARY", "+4780012345, FREEPHONE", "+4781012345, SPECIAL",
            "+4781512345, SPECIAL", "+4782012345, PREMIUM_RATE", "+4782912345, PREMIUM_RATE",
            "+4785012345, SPECIAL", "+4702020, SPECIAL", "+47116111, SPECIAL",
            "+46812345600, ORDINARY", "+46701234567, ORDINARY", "+4620123456, FREEPHONE",
            "+46771123456, SPECIAL", "+469001234567, PREMIUM_RATE", "+46939123456, PREMIUM_RATE",
            "+46944123456, PREMIUM_RATE", "+4699123456, PREMIUM_RATE", "+46901234567, ORDINARY",
            "+4420794600000, ORDINARY", "+19005551234, ORDINARY"})
    void classifiesPublicNumbers(String number, NumberClass expected) {
        assertThat(nordic.classify(E164Number.of(number))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} dialled in {1} is {2}")
    @CsvSource({"1881, NO, PREMIUM_RATE", "1850, NO, PREMIUM_RATE", "116111, NO, SPECIAL", "02020, NO, SPECIAL",
            "175, NO, SPECIAL", "118118, SE, PREMIUM_RATE", "11414, SE, SPECIAL", "1177, SE, SPECIAL",
            "1881, SE, SPECIAL"})
    void classifiesShortNumbers(String digits, Country country, NumberClass expected) {
        assertThat(nordic.classifyShort(digits, country)).isEqualTo(expected);
    }

    @Test
    void theLongestPrefixWins() {
        NumberPlan plan = new NumberPlan(new NumberPlanSettings(Map.of(Country.NO, new CountryPlan(
                List.of("+4782"), List.of("+478"), List.of("+47820")))));

        assertThat(plan.classify(E164Number.of("+4782012345"))).isEqualTo(NumberClass.FREEPHONE);
        assertThat(plan.classify(E164Number.of("+4782112345"))).isEqualTo(NumberClass.PREMIUM_RATE);
        assertThat(plan.classify(E164Number.of("+4781112345"))).isEqualTo(NumberClass.SPECIAL);
    }

    @Test
    void anEmptyPlanHasOnlyOrdinaryAndShortSpecialNumbers() {
        assertThat(NumberPlan.empty().classify(E164Number.of("+4782012345"))).isEqualTo(NumberClass.ORDINARY);
        assertThat(NumberPlan.empty().classifyShort("1881", Country.NO)).isEqualTo(NumberClass.SPECIAL);
    }

    @Test
    void plansWithBadPrefixesCannotBeBuilt() {
        assertThatThrownBy(() -> new NumberPlan(new NumberPlanSettings(Map.of(Country.NO,
                new CountryPlan(List.of("+46900"), List.of(), List.of())))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("+46900");
        assertThatThrownBy(() -> new NumberPlan(new NumberPlanSettings(Map.of(Country.SE,
                new CountryPlan(List.of("+46900"), List.of(), List.of("+46900"))))))
                .hasMessageContaining("listed twice");
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(nordic.prefixes(Country.NO).premiumRate()).contains("+47820", "+47829");
        assertThat(nordic.prefixes(Country.SE).premiumRate()).contains("+46900", "+46939", "+46944");
    }
}
