package io.sentral.api;

/** Port: browser sessions (S17) — opened at login, closed at logout, resolved by {@link Authenticator}. */
public interface Sessions {
    /** A new session for {@code caller}; the id goes into an HttpOnly cookie. */
    String open(Caller caller);

    /** Ends the session (logout); unknown ids are ignored. */
    void close(String id);
}
