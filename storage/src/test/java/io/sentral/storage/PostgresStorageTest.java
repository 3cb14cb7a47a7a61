package io.sentral.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sentral.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storage contract on PostgreSQL, when {@code SENTRAL_TEST_PG_URL} (a JDBC URL, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/sentral}) and optionally {@code SENTRAL_TEST_PG_USER}
 * and {@code SENTRAL_TEST_PG_PASSWORD} are set; skipped otherwise. Each test migrates a fresh
 * schema of its own and drops it afterwards, so the database may hold other data.
 */
class PostgresStorageTest extends StorageContract {
    private static final String URL = System.getenv("SENTRAL_TEST_PG_URL");
    private static final String USER = Objects.requireNonNullElse(System.getenv("SENTRAL_TEST_PG_USER"), "postgres");
    private static final String PASSWORD = Objects.requireNonNullElse(System.getenv("SENTRAL_TEST_PG_PASSWORD"), "");

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        assumeTrue(URL != null && !URL.isBlank(), "SENTRAL_TEST_PG_URL is not set: PostgreSQL tests skipped");
    }

    @Override
    protected Database openDatabase() throws SQLException {
        schema = "sentral_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return openSchema();
    }

    @Override
    protected Database reopenDatabase() {
        database.close();
        return openSchema();
    }

    private Database openSchema() {
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Database.open(new DatabaseSettings(url, USER, PASSWORD, 4), java.nio.file.Path.of("unused"));
    }

    /** The contract must really run on PostgreSQL, in the throwaway schema of this test. */
    @Test
    void theContractRunsOnPostgresInItsOwnSchema() {
        String[] where = database.withConnection(c -> new String[] {c.getMetaData().getDatabaseProductName(),
                c.getSchema()});
        assertThat(where[0]).isEqualTo("PostgreSQL");
        assertThat(where[1]).isEqualTo(schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        database.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
