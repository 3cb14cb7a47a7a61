package io.sentral.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Re-provisioning keeps a current stored hash and replaces an outdated one (S17). */
class PasswordHashesTest {
    private static final AccountName NOC = AccountName.of("noc");
    private static final WebAccount ACCOUNT = new WebAccount(NOC, Optional.empty(), Role.NOC,
            new AccountSecret.Plain("fjord-admin-secret"), Optional.empty());
    private final PasswordHashes hashes = new PasswordHashes(new SecureRandom());

    @Test
    void aCurrentHashOfTheSamePasswordIsKept() {
        PasswordHash stored = PasswordHash.create("fjord-admin-secret", new SecureRandom());
        assertThat(hashes.decide(List.of(ACCOUNT), Map.of(NOC, stored))).containsEntry(NOC, stored);
    }

    @Test
    void anEarlierPbkdf2HashIsReplacedByArgon2id() {
        PasswordHash old = new PasswordHash(
                "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$d5A/1i+fHd/t0SqcWaane0v98oYiM0kcO4vMJqoxLp0=");
        PasswordHash decided = hashes.decide(List.of(ACCOUNT), Map.of(NOC, old)).get(NOC);
        assertThat(decided.encoded()).startsWith("$argon2id$");
        assertThat(decided.verifies("fjord-admin-secret")).isTrue();
    }

    @Test
    void aChangedPasswordGetsANewHash() {
        PasswordHash stored = PasswordHash.create("another-secret", new SecureRandom());
        PasswordHash decided = hashes.decide(List.of(ACCOUNT), Map.of(NOC, stored)).get(NOC);
        assertThat(decided).isNotEqualTo(stored);
        assertThat(decided.verifies("fjord-admin-secret")).isTrue();
    }
}
