package io.sentral.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sentral.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's database: a HikariCP pool, migrated to the current schema by Flyway when opened
 * ({@code db/migration}). Embedded H2 in the data directory by default, or any JDBC URL
 * (PostgreSQL). Every {@code JdbcXxxStore} borrows its connections here. Close it last.
 *
 * <p>The embedded URL sets {@code WRITE_DELAY=0}: H2's MVStore then writes a commit to the file
 * before the commit returns (otherwise a background thread writes up to 0.5 s later, and a
 * {@code kill -9} loses the last commits). The write goes to the OS, not to the disk platter: a
 * process kill loses nothing, a power cut may (use PostgreSQL for that).
 * {@code DB_CLOSE_ON_EXIT=FALSE} leaves closing to the application's orderly shutdown, so that
 * H2's own shutdown hook cannot close the database under calls still being recorded.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens (creating it if needed) and migrates the configured database. */
    public static Database open(DatabaseSettings settings, Path dataDir) {
        String url = settings.isEmbedded() ? embeddedUrl(dataDir) : settings.url();
        HikariConfig config = new HikariConfig();
        config.setPoolName("sentral-db");
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var result = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            LOG.info("database {} at schema version {}", settings.isEmbedded() ? url : settings.url(),
                    result.targetSchemaVersion);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    /** The embedded H2 database {@code <dataDir>/sentral.mv.db}. */
    public static String embeddedUrl(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("sentral");
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("database transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode: each statement commits at once. */
    public <T> T withConnection(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database access failed: " + e.getMessage(), e);
        }
    }

    /** The database product in use: H2 or PostgreSQL. */
    public String productName() {
        return withConnection(c -> c.getMetaData().getDatabaseProductName());
    }

    /** Checks that the database answers (for {@code /health}); throws {@link StorageException} if not. */
    public void ping() {
        withConnection(c -> {
            if (!c.isValid(2)) {
                throw new SQLException("connection is not valid");
            }
            return null;
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
