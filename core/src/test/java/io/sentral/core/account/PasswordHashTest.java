package io.sentral.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Web account passwords (S17) are stored as Argon2id hashes. */
class PasswordHashTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void argon2idWithAFreshSaltThatVerifiesOnlyItsPassword_S17() {
        PasswordHash one = PasswordHash.create("fjord-admin-secret", random);
        PasswordHash two = PasswordHash.create("fjord-admin-secret", random);
        assertThat(one.encoded()).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(one).as("a fresh salt each time").isNotEqualTo(two);
        assertThat(one.verifies("fjord-admin-secret")).isTrue();
        assertThat(two.verifies("fjord-admin-secret")).isTrue();
        assertThat(one.verifies("fjord-admin-secreT")).isFalse();
        assertThat(one.outdated()).isFalse();
        assertThat(one.toString()).isEqualTo("PasswordHash[argon2id]").doesNotContain(one.encoded().substring(30));
    }

    @Test
    void verifiesWhatTheReferenceArgon2ToolPrints() {
        // echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -k 19456 -p 1 -l 32
        PasswordHash reference = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"
                + "$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM");
        assertThat(reference.verifies("correct horse battery staple")).isTrue();
        assertThat(reference.verifies("correct horse battery stapler")).isFalse();
    }

    @Test
    void earlierPbkdf2HashesStillVerifyButAreOutdated() {
        // python3: hashlib.pbkdf2_hmac('sha256', b'fjord-admin-secret', b'0123456789abcdef', 1000)
        PasswordHash old = new PasswordHash(
                "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$d5A/1i+fHd/t0SqcWaane0v98oYiM0kcO4vMJqoxLp0=");
        assertThat(old.verifies("fjord-admin-secret")).isTrue();
        assertThat(old.verifies("fjord-admin-secret ")).isFalse();
        assertThat(old.outdated()).isTrue();
        assertThat(new PasswordHash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA"
                + "$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM").outdated()).as("less memory than new hashes").isTrue();
    }

    @Test
    void refusesMalformedHashes() {
        for (String bad : new String[] {"alice-secret", "pbkdf2-sha256$0$AAAA$AAAA",
                "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
                "$argon2id$v=19$m=4,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
                "$argon2id$v=19$m=19456,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM",
                "$argon2id$v=19$m=19456,t=2,p=1$c2Fsd$QKHrg5tayLGcN+Y0HVPNaBqykOVLUxlMkZycXE1uWRM"}) {
            assertThatThrownBy(() -> new PasswordHash(bad)).as(bad).hasMessage("not an argon2id password hash");
        }
    }
}
