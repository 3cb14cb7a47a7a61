package io.sentral.app.web;

import io.sentral.api.Authentication;
import io.sentral.api.Authenticator;
import io.sentral.api.Caller;
import io.sentral.api.Credential;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.WebAccount;
import io.sentral.storage.JdbcAccountStore;
import io.sentral.storage.JdbcApiTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says who presents a credential (S17), reading the account from the database every time so that
 * a removed account, a changed password or role, or a revoked token counts from the next request:
 * passwords against the stored Argon2id hash (throttled per account and source), session ids against
 * the {@link SessionStore} (ended when the password changed since), API tokens against their
 * stored hash. A password already verified against the same stored hash is remembered as a
 * SHA-256 fingerprint (never the password), so a script sending Basic credentials each time does
 * not pay 0.1 s per request.
 */
public final class WebLogins implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(WebLogins.class);
    private static final int REMEMBERED = 10_000;

    private final JdbcAccountStore accounts;
    private final JdbcApiTokens tokens;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    WebLogins(JdbcAccountStore accounts, JdbcApiTokens tokens, SessionStore sessions, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Credential credential, String source) {
        return switch (credential) {
            case Credential.Password p -> password(p.username(), p.password(), source);
            case Credential.Session s -> sessions.touch(s.id())
                    .flatMap(session -> account(session.account())
                            .filter(a -> storedHash(a).equals(session.passwordFingerprint())))
                    .map(WebLogins::accepted)
                    .orElseGet(() -> new Authentication.Refused("no such session, or it expired or its password changed"));
            case Credential.Token t -> tokens.use(t.secret())
                    .flatMap(token -> account(token.owner()))
                    .map(WebLogins::accepted)
                    .orElseGet(() -> new Authentication.Refused("unknown or revoked API token"));
        };
    }

    private Authentication password(String username, String password, String source) {
        Optional<java.time.Duration> wait = throttle.waitFor(username, source);
        if (wait.isPresent()) {
            LOG.warn("login for '{}' from {} throttled for {} s", printable(username), source, wait.get().toSeconds());
            return new Authentication.Throttled(wait.get());
        }
        Optional<WebAccount> account;
        try {
            account = account(AccountName.of(username));
        } catch (IllegalArgumentException e) {
            account = Optional.empty();
        }
        if (account.isEmpty() || !verifies(account.get(), password)) {
            throttle.failed(username, source);
            LOG.info("login refused for '{}' from {}: {}", printable(username), source,
                    account.isEmpty() ? "unknown account" : "wrong password");
            return new Authentication.Refused(account.isEmpty() ? "unknown account" : "wrong password");
        }
        throttle.succeeded(username);
        return accepted(account.get());
    }

    private Optional<WebAccount> account(AccountName name) {
        return accounts.find(name);
    }

    private boolean verifies(WebAccount account, String password) {
        String stored = storedHash(account);
        if (stored.isEmpty()) {
            return false;
        }
        String key = fingerprint(stored, password);
        if (verified.containsKey(key)) {
            return true;
        }
        if (!((AccountSecret.Hashed) account.secret()).hash().verifies(password)) {
            return false;
        }
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(key, Boolean.TRUE);
        return true;
    }

    /** The stored password hash of an account as read; "" for one without (never signs in). */
    static String storedHash(WebAccount account) {
        return account.secret() instanceof AccountSecret.Hashed h ? h.hash().encoded() : "";
    }

    private static Authentication accepted(WebAccount account) {
        return new Authentication.Accepted(new Caller(account.name(), account.role(), account.tenant(), account.user()));
    }

    private static String printable(String username) {
        return username.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String fingerprint(String storedHash, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
