package io.sentral.app;

import io.sentral.api.Authenticator;
import io.sentral.api.Caller;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.WebAccount;
import io.sentral.storage.JdbcAccountStore;
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
 * Checks API logins against the stored web accounts (S17). The account is read on every request,
 * so a removed account or a new password counts at once. Verifying a PBKDF2 hash takes about
 * 0.1 s by design; a password already verified against the same stored hash is remembered (as a
 * SHA-256 of hash and password, never the password) so that scripts polling the API do not pay
 * that on every request.
 */
final class AccountLogins implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(AccountLogins.class);
    private static final int REMEMBERED = 10_000;

    private final JdbcAccountStore accounts;
    private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

    AccountLogins(JdbcAccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Caller> login(String username, String password) {
        Optional<WebAccount> account;
        try {
            account = accounts.find(AccountName.of(username));
        } catch (IllegalArgumentException e) {
            account = Optional.empty();
        }
        if (account.isEmpty() || !(account.get().secret() instanceof AccountSecret.Hashed hashed)) {
            LOG.info("API login refused: unknown account '{}'", printable(username));
            return Optional.empty();
        }
        String key = fingerprint(hashed.hash().encoded(), password);
        if (!verified.containsKey(key)) {
            if (!hashed.hash().verifies(password)) {
                LOG.info("API login refused: wrong password for '{}'", printable(username));
                return Optional.empty();
            }
            if (verified.size() >= REMEMBERED) {
                verified.clear();
            }
            verified.put(key, Boolean.TRUE);
        }
        WebAccount a = account.get();
        return Optional.of(new Caller(a.name(), a.role(), a.tenant()));
    }

    /** A login name as sent, safe for one log line. */
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
