package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.number.E164Number;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S11: {@code node.callerLookup} — the number lookup's URL template, time budget and cache. */
class CallerLookupConfigTest {
    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    private CallerLookupSettings lookup(String yaml) {
        return loader.parse("node.yaml", "node:\n  callerLookup:\n" + yaml).node().callerLookup();
    }

    @Test
    void directoryOnlyWithAShortBudgetByDefault() {
        assertThat(loader.parse("node.yaml", "").node().callerLookup()).isEqualTo(CallerLookupSettings.defaults());
        assertThat(lookup("    url: \"\"\n")).isEqualTo(CallerLookupSettings.defaults());
        assertThat(CallerLookupSettings.defaults()).satisfies(d -> {
            assertThat(d.url()).isEmpty();
            assertThat(d.timeout()).isEqualTo(Duration.ofMillis(300));
            assertThat(d.cacheTtl()).isEqualTo(Duration.ofHours(1));
            assertThat(d.cacheSize()).isEqualTo(10_000);
        });
    }

    @Test
    void everyKeyIsBound() {
        CallerLookupSettings s = lookup("""
                    url: "https://lookup.example/v1/numbers/{number}?country=no"
                    timeout: 200ms
                    cacheTtl: 30m
                    cacheSize: 500
                """);
        assertThat(s).isEqualTo(new CallerLookupSettings(java.util.Optional.of(
                "https://lookup.example/v1/numbers/{number}?country=no"), Duration.ofMillis(200),
                Duration.ofMinutes(30), 500));
        assertThat(s.urlFor(E164Number.of("+4790000001")))
                .contains(URI.create("https://lookup.example/v1/numbers/%2B4790000001?country=no"));
    }

    @Test
    void theEnvironmentSetsTheUrl() {
        SentralConfig config = new ConfigLoader(Map.of("SENTRAL_CALLER_LOOKUP_URL", "http://127.0.0.1:9000/{number}"))
                .loadResource(ConfigLoader.DEMO_RESOURCE);
        assertThat(config.node().callerLookup().url()).contains("http://127.0.0.1:9000/{number}");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SENTRAL_CALLER_LOOKUP_URL", "http://x/"))
                .loadResource(ConfigLoader.DEMO_RESOURCE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("node.callerLookup.url: the URL has no {number}");
    }

    @Test
    void aUrlWithoutTheNumberIsRefused() {
        assertThatThrownBy(() -> lookup("    url: \"https://lookup.example/v1/numbers\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("node.yaml: node.callerLookup.url: the URL has no {number}, e.g."
                        + " https://lookup.example/numbers/{number}: 'https://lookup.example/v1/numbers'");
    }

    @Test
    void somethingElseThanAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> lookup("    url: \"ftp://lookup.example/{number}\"\n"))
                .hasMessage("node.yaml: node.callerLookup.url: not an http or https URL: 'ftp://lookup.example/{number}'");
        assertThatThrownBy(() -> lookup("    url: \"lookup.example/{number}\"\n"))
                .hasMessage("node.yaml: node.callerLookup.url: not an http or https URL: 'lookup.example/{number}'");
        assertThatThrownBy(() -> lookup("    url: \"http://bad host/{number}\"\n"))
                .hasMessage("node.yaml: node.callerLookup.url: not a URL: 'http://bad host/{number}'");
        assertThatThrownBy(() -> lookup("    url: \"http:///{number}\"\n"))
                .hasMessage("node.yaml: node.callerLookup.url: the URL names no host: 'http:///{number}'");
    }

    @Test
    void theBudgetMustBeAPositiveDuration() {
        assertThatThrownBy(() -> lookup("    timeout: -300ms\n"))
                .hasMessageStartingWith("node.yaml: node.callerLookup.timeout: not a duration: '-300ms'");
        assertThatThrownBy(() -> lookup("    timeout: 0s\n"))
                .hasMessage("node.yaml: node.callerLookup.timeout: must be longer than 0");
        assertThatThrownBy(() -> lookup("    timeout: 300\n"))
                .hasMessageStartingWith("node.yaml: node.callerLookup.timeout: not a duration: 300");
    }

    @Test
    void theCacheIsBounded() {
        assertThat(lookup("    cacheTtl: 0s\n    cacheSize: 0\n").cacheSize()).isZero();
        assertThatThrownBy(() -> lookup("    cacheSize: -1\n"))
                .hasMessageStartingWith("node.yaml: node.callerLookup.cacheSize: ");
        assertThatThrownBy(() -> lookup("    cacheTtl: -1h\n"))
                .hasMessageStartingWith("node.yaml: node.callerLookup.cacheTtl: not a duration: '-1h'");
        assertThatThrownBy(() -> lookup("    ttl: 1h\n"))
                .hasMessageStartingWith("node.yaml: node.callerLookup.ttl: unknown key (expected one of: cacheSize,"
                        + " cacheTtl, timeout, url)");
    }

    @Test
    void theRecordChecksItselfToo() {
        assertThatThrownBy(() -> CallerLookupSettings.defaults().withUrl("https://lookup.example/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no {number}");
        assertThatThrownBy(() -> new CallerLookupSettings(java.util.Optional.empty(), Duration.ofMillis(-1),
                Duration.ofHours(1), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be longer than 0");
    }
}
