package io.sentral.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about one Sentral node that operations owns ({@code node} in YAML), as opposed to
 * tenant data, which customers own.
 *
 * @param dataDir  where the node keeps its files: the embedded database, the demo TLS certificate
 * @param tracing  SIP trace on demand and HEP export (N3)
 * @param callerLookup the external number lookup behind caller info (S11)
 * @param tariffFile the tariff that rates call records (R2); empty: the bundled
 *                   {@link ConfigLoader#TARIFF_RESOURCE}
 */
public record NodeSettings(Path dataDir, SipSettings sip, HttpSettings http, DatabaseSettings database,
                           TracingSettings tracing, CallerLookupSettings callerLookup, Optional<Path> tariffFile) {
    public NodeSettings {
        Objects.requireNonNull(tariffFile, "tariffFile");
        Objects.requireNonNull(callerLookup, "callerLookup");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
    }

    /** With the bundled tariff. */
    public NodeSettings(Path dataDir, SipSettings sip, HttpSettings http, DatabaseSettings database,
                        TracingSettings tracing, CallerLookupSettings callerLookup) {
        this(dataDir, sip, http, database, tracing, callerLookup, Optional.empty());
    }

    /** Without an external caller lookup (directory only), with the bundled tariff. */
    public NodeSettings(Path dataDir, SipSettings sip, HttpSettings http, DatabaseSettings database,
                        TracingSettings tracing) {
        this(dataDir, sip, http, database, tracing, CallerLookupSettings.defaults());
    }
}
