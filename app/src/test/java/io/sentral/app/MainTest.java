package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: a broken configuration stops start-up with exit code 2 and a precise message. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void brokenYamlNamesFilePathAndProblemAndExitsWith2() throws IOException {
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, """
                node:
                  sip:
                    minExpires: soon
                """);
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(errors()).contains("broken.yaml").contains("node.sip.minExpires").contains("soon");
    }

    @Test
    void yamlSyntaxErrorExitsWith2() throws IOException {
        Path config = dir.resolve("syntax.yaml");
        Files.writeString(config, "node: [unclosed\n");
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(errors()).contains("syntax.yaml");
    }

    @Test
    void missingFileExitsWith2() {
        assertThat(run("--config", dir.resolve("absent.yaml").toString())).isEqualTo(2);
        assertThat(errors()).contains("absent.yaml");
    }

    @Test
    void unknownArgumentExitsWith2AndShowsUsage() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(errors()).contains("unknown argument '--frobnicate'").contains("Usage");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--data-dir");
    }
}
