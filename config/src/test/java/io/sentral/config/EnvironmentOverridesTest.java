package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment variables override node keys and go through the same validation. */
class EnvironmentOverridesTest {

    @Test
    void overridesReplaceFileValuesAndDefaults() {
        ConfigLoader loader = new ConfigLoader(Map.of("SENTRAL_SIP_PORT", "5070", "SENTRAL_HTTP_PORT", "0",
                "SENTRAL_DATA_DIR", "/var/lib/sentral", "SENTRAL_DB_URL", "jdbc:postgresql://db/sentral",
                "SENTRAL_DB_PASSWORD", "pg-secret"));
        SentralConfig config = loader.loadResource(ConfigLoader.DEMO_RESOURCE);
        assertThat(config.node().sip().port()).isEqualTo(5070);
        assertThat(config.node().http().port()).isZero();
        assertThat(config.node().dataDir()).isEqualTo(Path.of("/var/lib/sentral"));
        assertThat(config.node().database().isEmbedded()).isFalse();
        assertThat(config.node().database().toString()).contains("****").doesNotContain("pg-secret");
        assertThat(config.customers()).hasSize(3);
    }

    @Test
    void overriddenValuesAreValidated() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SENTRAL_SIP_PORT", "70000")).parse("node.yaml", ""))
                .hasMessage("node.yaml: node.sip.port: 70000 is outside 0-65535");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SENTRAL_DB_URL", "postgres://db")).parse("node.yaml", ""))
                .hasMessage("node.yaml: node.database.url: not a JDBC URL: 'postgres://db' (leave it empty for the"
                        + " embedded database)");
    }

    @Test
    void everyVariableIsDocumentedInTheReference() throws Exception {
        String reference;
        try (var in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.REFERENCE_RESOURCE)) {
            reference = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(ConfigLoader.environmentVariables()).allSatisfy(v -> assertThat(reference).contains(v));
    }
}
