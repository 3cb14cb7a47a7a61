package io.sentral.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void saltedSlowHashThatVerifiesOnlyItsPassword() {
        PasswordHash one = PasswordHash.create("fjord-admin-secret", random);
        PasswordHash two = PasswordHash.create("fjord-admin-secret", random);
        assertThat(one.encoded()).matches("pbkdf2-sha256\\$210000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
        assertThat(one).as("a fresh salt each time").isNotEqualTo(two);
        assertThat(one.verifies("fjord-admin-secret")).isTrue();
        assertThat(two.verifies("fjord-admin-secret")).isTrue();
        assertThat(one.verifies("fjord-admin-secreT")).isFalse();
        assertThat(one.toString()).doesNotContain(one.encoded().substring(22));
    }

    @Test
    void refusesMalformedHashes() {
        assertThatThrownBy(() -> new PasswordHash("alice-secret")).hasMessage("not a pbkdf2-sha256 password hash");
        assertThatThrownBy(() -> new PasswordHash("pbkdf2-sha256$0$AAAA$AAAA"))
                .hasMessage("not a pbkdf2-sha256 password hash");
    }
}
