package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.ApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * API tokens (S17) in table {@code api_tokens}: 32 random bytes, URL-safe Base64 with prefix
 * {@code stl_} (so a leaked one is recognisable in logs and scanners), stored only as SHA-256 —
 * enough for a secret of that entropy, and fast enough to check on every request.
 */
public final class JdbcApiTokens implements ApiTokens {
    private static final String PREFIX = "stl_";

    private final Database database;
    private final Clock clock;
    private final SecureRandom random;

    public JdbcApiTokens(Database database, Clock clock, SecureRandom random) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Issued issue(AccountName owner, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Jdbc.storable(clock.instant());
        long id = database.inTransaction(c -> Jdbc.insertReturningId(c, "api_tokens", row(
                "account_name", owner.value(), "name", name, "secret_hash", hash(secret), "created_at", now)));
        return new Issued(new Token(id, owner, name, now, Optional.empty()), secret);
    }

    @Override
    public List<Token> of(AccountName owner) {
        return database.withConnection(c -> Jdbc.query(c,
                "SELECT * FROM api_tokens WHERE account_name = ? ORDER BY id", JdbcApiTokens::token, owner.value()));
    }

    @Override
    public boolean revoke(AccountName owner, long id) {
        return database.inTransaction(c -> Jdbc.update(c, "DELETE FROM api_tokens WHERE id = ? AND account_name = ?",
                id, owner.value())) > 0;
    }

    /** The token with this secret, noting its use; empty for an unknown or revoked one. */
    public Optional<Token> use(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Instant now = Jdbc.storable(clock.instant());
        return database.inTransaction(c -> {
            Optional<Token> token = Jdbc.query(c, "SELECT * FROM api_tokens WHERE secret_hash = ?",
                    JdbcApiTokens::token, hash).stream().findFirst();
            if (token.isPresent()) {
                Jdbc.update(c, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now, token.get().id());
            }
            return token;
        });
    }

    /** An account's tokens go with it. */
    public void revokeAll(AccountName owner) {
        database.inTransaction(c -> Jdbc.update(c, "DELETE FROM api_tokens WHERE account_name = ?", owner.value()));
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getLong("id"), AccountName.of(rs.getString("account_name")), rs.getString("name"),
                Jdbc.instant(rs, "created_at"), Jdbc.optionalInstant(rs, "last_used_at"));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
