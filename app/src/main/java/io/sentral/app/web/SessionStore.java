package io.sentral.app.web;

import io.sentral.api.Caller;
import io.sentral.api.Sessions;
import io.sentral.core.account.AccountName;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Browser sessions (S17), in memory: a restart signs everybody out. A session ends after
 * {@code idle} without requests or {@code lifetime} in all, at logout, and — checked by
 * {@link WebLogins} on every request — when its account is removed or its password changes.
 */
final class SessionStore implements Sessions {
    private static final int MAX_SESSIONS = 100_000;

    /** What a session id stands for: the account and the password hash it signed in with. */
    record Session(AccountName account, String passwordFingerprint, Instant started, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;
    private final Function<AccountName, String> storedHash;

    /**
     * @param storedHash the account's stored password hash now, so that a session ends when the
     *                   password changes
     */
    SessionStore(Duration idle, Duration lifetime, Clock clock, SecureRandom random,
                 Function<AccountName, String> storedHash) {
        this.idle = idle;
        this.lifetime = lifetime;
        this.clock = clock;
        this.random = random;
        this.storedHash = storedHash;
    }

    @Override
    public String open(Caller caller) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(caller.account(), storedHash.apply(caller.account()), now, now));
        return id;
    }

    @Override
    public void close(String id) {
        sessions.remove(id);
    }

    /** The live session with this id, its idle clock restarted; expired ones are removed. */
    Optional<Session> touch(String id) {
        Instant now = clock.instant();
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.account(), session.passwordFingerprint(), session.started(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(idle)) || !now.isBefore(session.started().plus(lifetime));
    }
}
