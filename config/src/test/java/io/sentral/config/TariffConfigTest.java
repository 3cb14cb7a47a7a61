package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.billing.BillingCategory;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** R2: the bundled tariff (0.49 start + 0.49 per minute nationally) and errors naming the path. */
class TariffConfigTest {
    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();
    private static final String RATES = """
            currency: NOK
            rates:
              internal: {startFee: 0, perMinute: 0}
              national: {startFee: 0.49, perMinute: 0.49, includedMinutes: 10}
              nordic: {startFee: 0, perMinute: 1.80}
              international: {startFee: 0.49, perMinute: 1.99}
              special: {startFee: 0.49, perMinute: 0.99}
              emergency: {startFee: 0, perMinute: 0}
              forwarded-transferred: {startFee: 0.49, perMinute: 0.49}
            """;

    @Test
    void theBundledTariffRatesAsTheSeedSays() {
        var tariff = loader.defaultTariff();
        assertThat(tariff.currency()).isEqualTo("NOK");
        assertThat(tariff.cost(BillingCategory.NATIONAL, Duration.ofSeconds(90))).isEqualByComparingTo("1.47");
        assertThat(tariff.cost(BillingCategory.INTERNAL, Duration.ofMinutes(9))).isEqualByComparingTo("0");
        assertThat(tariff.cost(BillingCategory.EMERGENCY, Duration.ofMinutes(9))).isEqualByComparingTo("0");
    }

    @Test
    void aTariffFileIsReadWithIncludedMinutes() {
        var tariff = loader.parseTariff("t.yaml", RATES);
        assertThat(tariff.rates().get(BillingCategory.NATIONAL).includedMinutes()).isEqualTo(10);
        assertThat(tariff.rates().get(BillingCategory.NORDIC).perMinute()).isEqualByComparingTo(new BigDecimal("1.80"));
    }

    @Test
    void badTariffsAreNamed() {
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("special:", "premium:")))
                .hasMessageStartingWith("t.yaml: rates.premium: unknown billing category");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("  emergency: {startFee: 0, perMinute: 0}\n", "")))
                .hasMessage("t.yaml: rates: no rate for emergency");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("perMinute: 1.99", "perMinute: -1")))
                .hasMessageContaining("rates.international").hasMessageContaining("not negative");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("perMinute: 1.99", "perMinute: cheap")))
                .hasMessageContaining("rates.international.perMinute");
    }
}
