package io.sentral.core.account;

import java.util.Objects;

/**
 * How a web account's password arrives at provisioning: as the password itself (from the YAML
 * file or an API request; hashed before it is stored) or as a stored hash (read back from the
 * database). Lets provisioning keep a stored hash that already verifies the password instead of
 * re-hashing it on every start.
 */
public sealed interface AccountSecret {

    /** A password in clear text, never stored and never printed. */
    record Plain(String password) implements AccountSecret {
        public Plain {
            Objects.requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password is empty");
            }
        }

        @Override
        public String toString() {
            return "Plain[****]";
        }
    }

    /** A stored salted hash. */
    record Hashed(PasswordHash hash) implements AccountSecret {
        public Hashed {
            Objects.requireNonNull(hash, "hash");
        }
    }
}
