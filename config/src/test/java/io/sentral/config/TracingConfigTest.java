package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** N3: {@code node.tracing} — trace buffer sizes and the HEP collector; N1: {@code node.sip.blocking}. */
class TracingConfigTest {
    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    private TracingSettings tracing(String yaml) {
        return loader.parse("node.yaml", yaml).node().tracing();
    }

    @Test
    void noExportAndModestBuffersByDefault() {
        assertThat(tracing("")).isEqualTo(TracingSettings.defaults());
        assertThat(TracingSettings.defaults().hep()).isEmpty();
    }

    @Test
    void aCollectorWithCaptureIdAndPassword() {
        TracingSettings t = tracing("""
                node:
                  tracing:
                    keptCalls: 50
                    messagesPerCall: 80
                    hep: {collector: "10.0.0.9:9060", captureId: 7, password: homer-key}
                """);
        assertThat(t.keptCalls()).isEqualTo(50);
        assertThat(t.messagesPerCall()).isEqualTo(80);
        assertThat(t.hep()).contains(new TracingSettings.HepSettings("10.0.0.9", 9060, 7, Optional.of("homer-key")));
        assertThat(tracing("node:\n  tracing:\n    hep: {collector: \"[::1]:9060\"}\n").hep().orElseThrow().host())
                .isEqualTo("::1");
    }

    @Test
    void aBadCollectorIsNamed() {
        assertThatThrownBy(() -> tracing("node:\n  tracing:\n    hep: {collector: homer}\n"))
                .hasMessage("node.yaml: node.tracing.hep.collector: expected host:port, e.g. 127.0.0.1:9060, not 'homer'");
        assertThatThrownBy(() -> tracing("node:\n  tracing:\n    hep: {collector: \"homer:99999\"}\n"))
                .hasMessage("node.yaml: node.tracing.hep.collector: port 99999 is outside 1-65535");
        assertThatThrownBy(() -> tracing("node:\n  tracing:\n    keptCalls: 0\n"))
                .hasMessageStartingWith("node.yaml: node.tracing.keptCalls: ");
        assertThatThrownBy(() -> tracing("node:\n  tracing:\n    hep: {collector: \"h:1\", port: 2}\n"))
                .hasMessageContaining("port");
    }

    @Test
    void sourceBlockingIsConfigurableAndCanBeSwitchedOff() {
        assertThat(loader.parse("node.yaml", "").node().sip().blocking()).isEqualTo(BlockingSettings.defaults());
        BlockingSettings custom = loader.parse("node.yaml",
                "node:\n  sip:\n    blocking: {authFailures: 5, window: 30s, blockFor: 1h}\n").node().sip().blocking();
        assertThat(custom).isEqualTo(new BlockingSettings(5, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofHours(1)));
        assertThat(loader.parse("node.yaml", "node:\n  sip:\n    blocking: {authFailures: 0}\n").node().sip()
                .blocking().enabled()).isFalse();
        assertThatThrownBy(() -> loader.parse("node.yaml", "node:\n  sip:\n    blocking: {blockFor: 0s}\n"))
                .hasMessage("node.yaml: node.sip.blocking.blockFor: must be longer than 0");
    }

    @Test
    void theEnvironmentCanSwitchExportOn() {
        SentralConfig config = new ConfigLoader(Map.of("SENTRAL_HEP_COLLECTOR", "127.0.0.1:9060"))
                .loadResource(ConfigLoader.DEMO_RESOURCE);
        assertThat(config.node().tracing().hep().orElseThrow().port()).isEqualTo(9060);
    }
}
