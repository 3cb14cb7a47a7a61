package io.sentral.app;

import io.sentral.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * The database a test node runs on: embedded H2 by default; PostgreSQL, in a fresh schema of its
 * own, when {@code SENTRAL_TEST_DB=postgres} and {@code SENTRAL_TEST_PG_URL} are set (bin/sentral-test
 * runs the API tests a second time that way, so they pass on both databases).
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** Whether this run is the PostgreSQL one. */
    public static boolean postgres() {
        return "postgres".equals(System.getenv("SENTRAL_TEST_DB"));
    }

    /** Settings for a new node: {@code embedded} unless this is the PostgreSQL run. */
    public static DatabaseSettings forNode(DatabaseSettings embedded) {
        if (!postgres()) {
            return embedded;
        }
        String url = Objects.requireNonNull(System.getenv("SENTRAL_TEST_PG_URL"),
                "SENTRAL_TEST_DB=postgres needs SENTRAL_TEST_PG_URL");
        String user = Objects.requireNonNullElse(System.getenv("SENTRAL_TEST_PG_USER"), "postgres");
        String password = Objects.requireNonNullElse(System.getenv("SENTRAL_TEST_PG_PASSWORD"), "");
        String schema = "sentral_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " on " + url, e);
        }
        return new DatabaseSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password, 4);
    }
}
