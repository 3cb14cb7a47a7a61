package io.sentral.api;

import java.util.Objects;

/** What a request presents to say who it is (S17): a password, an API token, or a session cookie. */
public sealed interface Credential {

    /** HTTP Basic: a web account's name and password (scripts, curl). */
    record Password(String username, String password) implements Credential {
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[" + username + ", ****]";
        }
    }

    /** {@code Authorization: Bearer <token>}: an API token of a machine (NOC scraper, provisioning). */
    record Token(String secret) implements Credential {
        public Token {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    /** The browser's session cookie, from {@code POST /api/session}. */
    record Session(String id) implements Credential {
        public Session {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String toString() {
            return "Session[****]";
        }
    }
}
