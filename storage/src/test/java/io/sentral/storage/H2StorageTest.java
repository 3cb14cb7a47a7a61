package io.sentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded default: an H2 file database in the data directory. */
class H2StorageTest extends StorageContract {
    @TempDir
    Path dataDir;

    @Override
    protected Database openDatabase() {
        return Database.open(DatabaseSettings.embedded(), dataDir);
    }

    @Override
    protected Database reopenDatabase() {
        database.close();
        return Database.open(DatabaseSettings.embedded(), dataDir);
    }

    @Test
    void embeddedDatabaseIsAFileInTheDataDirectory() {
        assertThat(Files.exists(dataDir.resolve("sentral.mv.db"))).isTrue();
        assertThat(Database.embeddedUrl(dataDir)).isEqualTo("jdbc:h2:file:" + dataDir.toAbsolutePath()
                + "/sentral;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void dataSurvivesReopeningAndMigrationsRunOnce() {
        new Provisioner(database).applyAll(Demo.CONFIG.customers(), "config:demo.yaml");
        var before = rowCounts();
        database.close();
        database = Database.open(DatabaseSettings.embedded(), dataDir);
        assertThat(rowCounts()).isEqualTo(before);
        java.util.List<String> migrations = database.withConnection(c -> Jdbc.query(c,
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\"", rs -> rs.getString(1)));
        assertThat(migrations).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }
}
