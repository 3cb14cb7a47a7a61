package io.sentral.api;

import java.util.Optional;

/**
 * Port: checks a login name and password (S17) and says who that is. Called on the API's worker
 * threads, never on the HTTP I/O thread: checking a password hash is deliberately slow.
 */
@FunctionalInterface
public interface Authenticator {
    /** The caller with these credentials; empty if the account is unknown or the password wrong. */
    Optional<Caller> login(String username, String password);
}
