package io.sentral.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Port: API tokens for machines (S17) — NOC scrapers, provisioning scripts. A token acts as the
 * account that made it; its secret is shown once and stored only as a hash.
 */
public interface ApiTokens {

    /** A token as listed: never its secret. */
    record Token(long id, AccountName owner, String name, Instant created, Optional<Instant> lastUsed) {
        public Token {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(lastUsed, "lastUsed");
        }
    }

    /** A new token and its secret, which cannot be read again. */
    record Issued(Token token, String secret) {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Issued[" + token + ", ****]";
        }
    }

    Issued issue(AccountName owner, String name);

    List<Token> of(AccountName owner);

    /** Revokes {@code owner}'s token {@code id}; false if there is no such token of theirs. */
    boolean revoke(AccountName owner, long id);
}
