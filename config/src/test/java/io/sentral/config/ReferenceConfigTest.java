package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.tenant.TrunkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference file loads, and the defaults it documents are the loader's defaults. */
class ReferenceConfigTest {
    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    @Test
    void referenceLoadsAndShowsEveryKind() {
        SentralConfig reference = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE);
        var example = reference.customers().getFirst();
        assertThat(example.trunks()).extracting(t -> t.kind()).containsExactly(TrunkKind.REGISTRATION, TrunkKind.STATIC);
        assertThat(example.queues()).extracting(q -> q.strategy()).contains(QueueStrategy.SERIAL);
        assertThat(example.emergencyAddresses()).hasSize(3);
        assertThat(example.ranges()).hasSize(3);
        assertThat(reference.accounts()).hasSize(1);
    }

    @Test
    void documentedNodeValuesAreTheDefaults() {
        SentralConfig empty = loader.parse("empty.yaml", "");
        SentralConfig reference = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE);
        assertThat(empty.node()).isEqualTo(reference.node());
        assertThat(empty.customers()).isEmpty();
        assertThat(empty.gateways()).isEmpty();
    }

    @Test
    void demoNodeIsTheDefaultNode() {
        assertThat(loader.loadResource(ConfigLoader.DEMO_RESOURCE).node()).isEqualTo(loader.parse("empty.yaml", "").node());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "node:\n  sip:\n    port: 5070\n");
        assertThat(loader.load(file).node().sip().port()).isEqualTo(5070);
    }
}
