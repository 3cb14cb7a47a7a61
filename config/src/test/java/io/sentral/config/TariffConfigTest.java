package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.billing.BillingCategory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R2: the bundled tariff (seed 003 §2: 0.49 start + 0.49 per minute nationally; internal and
 * emergency calls free) and tariff files whose errors name the file, the YAML path and the problem.
 */
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

    @Test
    void theBundledTariffHasTheSeedsPricesForForwardedAndNordicCalls() {
        var tariff = loader.defaultTariff();
        assertThat(tariff.cost(BillingCategory.FORWARDED_TRANSFERRED, Duration.ofSeconds(121)))
                .as("0.49 + 3 started minutes x 0.49").isEqualByComparingTo("1.96");
        assertThat(tariff.cost(BillingCategory.NORDIC, Duration.ofSeconds(30))).isEqualByComparingTo("1.80");
        assertThat(tariff.cost(BillingCategory.NATIONAL, Duration.ZERO)).as("unanswered").isEqualByComparingTo("0");
        assertThat(tariff.rates()).hasSize(BillingCategory.values().length)
                .allSatisfy((category, rate) -> assertThat(rate.includedMinutes()).isZero());
    }

    @Test
    void unknownKeysAndBadValuesAreNamedWithTheirPath() {
        assertThatThrownBy(() -> loader.parseTariff("tariff.yaml", RATES.replace("perMinute: 1.99", "perMinute: abc")))
                .hasMessage("tariff.yaml: rates.international.perMinute: not a decimal amount: 'abc' (e.g. 5000 or 1234.50)");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("perMinute: 1.99", "perMinut: 1.99")))
                .hasMessageStartingWith("t.yaml: rates.international.perMinut: unknown key (expected one of: "
                        + "includedMinutes, perMinute, startFee)");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES + "vat: 25\n"))
                .hasMessageStartingWith("t.yaml: vat: unknown key");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("international: {startFee: 0.49, ",
                        "international: {")))
                .hasMessageStartingWith("t.yaml: rates.international.startFee:");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("includedMinutes: 10",
                        "includedMinutes: -1")))
                .hasMessageStartingWith("t.yaml: rates.national.includedMinutes:");
    }

    @Test
    void theCurrencyIsAnIsoCode() {
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("currency: NOK", "currency: kr")))
                .hasMessage("t.yaml: currency: not a currency code (three capital letters, e.g. NOK): 'kr'");
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("currency: NOK\n", "")))
                .hasMessageStartingWith("t.yaml: currency:");
        assertThat(loader.parseTariff("t.yaml", RATES.replace("currency: NOK", "currency: SEK")).currency())
                .isEqualTo("SEK");
    }

    @Test
    void specialNumbersAndForwardedCallsGetNoIncludedMinutes_seed003_section9() {
        assertThatThrownBy(() -> loader.parseTariff("t.yaml", RATES.replace("special: {startFee: 0.49, perMinute: 0.99}",
                "special: {startFee: 0.49, perMinute: 0.99, includedMinutes: 60}")))
                .hasMessage("t.yaml: rates.special.includedMinutes: special calls use no included minutes"
                        + " (seed 003 §9): includedMinutes must be 0, not 60");
    }

    @Test
    void aNodeReadsItsTariffFileOrTheBundledOne_R2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tariff.yaml");
        Files.writeString(file, RATES.replace("currency: NOK", "currency: SEK"));
        SentralConfig config = new ConfigLoader(Map.of("SENTRAL_TARIFF_FILE", file.toString()))
                .loadResource(ConfigLoader.DEMO_RESOURCE);
        assertThat(config.node().tariffFile()).hasValue(file);
        assertThat(loader.tariff(config.node()).currency()).isEqualTo("SEK");
        assertThat(loader.tariff(config.node()).rates().get(BillingCategory.NATIONAL).includedMinutes()).isEqualTo(10);

        SentralConfig demo = loader.loadResource(ConfigLoader.DEMO_RESOURCE);
        assertThat(demo.node().tariffFile()).isEmpty();
        assertThat(loader.tariff(demo.node())).isEqualTo(loader.defaultTariff());
        assertThat(loader.parse("n.yaml", "node:\n  tariffFile: /etc/sentral/tariff.yaml\n").node().tariffFile())
                .hasValue(Path.of("/etc/sentral/tariff.yaml"));
        assertThat(loader.parse("n.yaml", "node:\n  tariffFile: \"\"\n").node().tariffFile()).isEmpty();
    }

    @Test
    void aBadTariffFileIsNamedWithItsYamlPath_R2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, RATES.replace("perMinute: 1.99", "perMinute: lots"));
        NodeSettings node = loader.parse("n.yaml", "node:\n  tariffFile: " + file + "\n").node();
        assertThatThrownBy(() -> loader.tariff(node)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": rates.international.perMinute: not a decimal amount: 'lots'");
        NodeSettings missing = loader.parse("n.yaml", "node:\n  tariffFile: " + dir.resolve("none.yaml") + "\n")
                .node();
        assertThatThrownBy(() -> loader.tariff(missing)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("none.yaml") + ": (file): cannot read the tariff file"
                        + " (node.tariffFile)");
    }
}
