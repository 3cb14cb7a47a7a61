package io.sentral.config;

import java.util.Objects;

/**
 * Where tenant data, registrations and call records live ({@code node.database}).
 *
 * @param url      JDBC URL; empty = the embedded H2 database in the node's data directory
 * @param user     database user
 * @param password database password (never printed)
 * @param poolSize connections in the pool
 */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1: " + poolSize);
        }
    }

    /** The embedded H2 database with its default user. */
    public static DatabaseSettings embedded() {
        return new DatabaseSettings("", "sa", "", 8);
    }

    /** Whether the node runs the embedded H2 database in its data directory. */
    public boolean isEmbedded() {
        return url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + (isEmbedded() ? "(embedded)" : url) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****") + ", poolSize=" + poolSize + "]";
    }
}
