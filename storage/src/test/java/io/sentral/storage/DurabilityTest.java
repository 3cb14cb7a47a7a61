package io.sentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.DatabaseSettings;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.EndCause;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call record committed by the embedded database survives {@code kill -9} of the process:
 * a child JVM writes it and is killed forcibly (no shutdown hooks, no close), then this JVM
 * opens the same files and finds it complete.
 */
class DurabilityTest {

    @Test
    void committedCallRecordSurvivesAForcedKill(@TempDir Path dataDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CallRecordWriterMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String said = CompletableFuture.supplyAsync(() -> untilWritten(out)).get(60, TimeUnit.SECONDS);
            assertThat(said).endsWith("written");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotZero();

        try (Database reopened = Database.open(DatabaseSettings.embedded(), dataDir)) {
            CallRecord record = new JdbcCallRecordStore(reopened).find(CallRecordWriterMain.CALL_ID).orElseThrow();
            assertThat(record.startedAt()).isEqualTo(CallRecordWriterMain.STARTED);
            assertThat(record.answeredAt()).contains(CallRecordWriterMain.STARTED.plusSeconds(2));
            assertThat(record.endedAt()).contains(CallRecordWriterMain.STARTED.plusSeconds(30));
            assertThat(record.status()).contains(200);
            assertThat(record.cause()).contains(EndCause.CALLEE_HANGUP);
        }
    }

    /** Everything the child printed up to its {@code written} line (or all of it, if it died first). */
    private static String untilWritten(BufferedReader out) {
        StringBuilder seen = new StringBuilder();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.equals("written")) {
                    return seen.toString().strip();
                }
            }
        } catch (java.io.IOException e) {
            seen.append(e);
        }
        return seen.toString();
    }
}
