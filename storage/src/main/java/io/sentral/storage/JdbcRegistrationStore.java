package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.registration.Binding;
import io.sentral.core.registration.RegistrationStore;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Registrar bindings in the database (RFC 3261 §10.3), so that a restarted node still reaches
 * the PBXs and phones registered before. Every call commits before it returns.
 */
public final class JdbcRegistrationStore implements RegistrationStore {
    private final Database database;

    public JdbcRegistrationStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public List<Binding> loadActive(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT * FROM registrations WHERE expires_at > ? ORDER BY aor, q DESC, contact_uri",
                rs -> new Binding(rs.getString("aor"), rs.getString("contact_uri"), Jdbc.instant(rs, "expires_at"),
                        rs.getString("call_id"), rs.getLong("cseq"),
                        new SipEndpoint(rs.getString("source_host"), rs.getInt("source_port"),
                                Transport.valueOf(rs.getString("source_transport"))),
                        rs.getFloat("q")),
                now));
    }

    @Override
    public void replace(String aor, List<Binding> bindings) {
        Objects.requireNonNull(aor, "aor");
        bindings.stream().filter(b -> !b.aor().equals(aor)).findFirst().ifPresent(b -> {
            throw new IllegalArgumentException("binding of " + b.aor() + " given to replace those of " + aor);
        });
        database.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM registrations WHERE aor = ?", aor);
            for (Binding b : bindings) {
                Jdbc.insert(c, "registrations", row("aor", aor, "contact_uri", b.contactUri(),
                        "expires_at", b.expiresAt(), "call_id", b.callId(), "cseq", b.cseq(),
                        "source_host", b.source().host(), "source_port", b.source().port(),
                        "source_transport", b.source().transport(), "q", b.q()));
            }
            return null;
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.withConnection(c -> Jdbc.update(c, "DELETE FROM registrations WHERE expires_at <= ?", now));
    }
}
