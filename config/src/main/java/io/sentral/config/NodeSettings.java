package io.sentral.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything about one Sentral node that operations owns ({@code node} in YAML), as opposed to
 * tenant data, which customers own.
 *
 * @param dataDir  where the node keeps its files: the embedded database, the demo TLS certificate
 */
public record NodeSettings(Path dataDir, SipSettings sip, HttpSettings http, DatabaseSettings database) {
    public NodeSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
    }
}
