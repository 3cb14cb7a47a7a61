package io.sentral.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.tenant.DigestCredentials;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** T2: digest authentication, MD5 and SHA-256 (RFC 8760), qop=auth, stale nonces, nc replay. */
class DigestAuthenticatorTest {
    private static final String REALM = "sentral.test";
    private static final DigestCredentials ACME = DigestCredentials.fromPassword("acme-pbx", REALM, "acme-secret");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final DigestAuthenticator auth = new DigestAuthenticator(REALM,
            List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256), new NonceService(clock, Duration.ofSeconds(300)));

    private Optional<DigestCredentials> lookup(String user) {
        return Optional.ofNullable(Map.of("acme-pbx", ACME).get(user));
    }

    private String nonce() {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(auth.challenges(false).get(0));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static DigestResponse answer(DigestAlgorithm algorithm, String user, String password, String nonce,
                                         String nc) {
        String ha1 = algorithm.hash(user + ":" + REALM + ":" + password);
        String ha2 = algorithm.hash("REGISTER:sip:sentral.test");
        String response = algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":abc123:auth:" + ha2);
        return new DigestResponse(Optional.of(user), Optional.of(REALM), Optional.of(nonce),
                Optional.of("sip:sentral.test"), Optional.of(response), Optional.of(algorithm.token()),
                Optional.of("auth"), Optional.of("abc123"), Optional.of(nc));
    }

    @Test
    void challengesOfferBothAlgorithmsWithQopAuth() {
        List<String> challenges = auth.challenges(false);
        assertThat(challenges).hasSize(2);
        assertThat(challenges.get(0)).contains("algorithm=MD5", "qop=\"auth\"", "realm=\"sentral.test\"")
                .doesNotContain("stale");
        assertThat(challenges.get(1)).contains("algorithm=SHA-256");
        assertThat(auth.challenges(true).get(0)).contains("stale=true");
    }

    @Test
    void acceptsTheRightPasswordWithMd5AndSha256() {
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", nonce(), "00000001"),
                this::lookup)).isEqualTo(new DigestVerdict.Accepted("acme-pbx"));
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.SHA_256, "acme-pbx", "acme-secret", nonce(),
                "00000001"), this::lookup)).isEqualTo(new DigestVerdict.Accepted("acme-pbx"));
    }

    @Test
    void rejectsWrongPasswordAndUnknownUser() {
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "acme-pbx", "guess", nonce(), "00000001"),
                this::lookup)).isInstanceOf(DigestVerdict.Rejected.class);
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "mallory", "x", nonce(), "00000001"),
                this::lookup)).isEqualTo(new DigestVerdict.Rejected("unknown user 'mallory'"));
    }

    @Test
    void expiredNonceWithRightPasswordIsStale() {
        String nonce = nonce();
        clock.advance(Duration.ofSeconds(301));
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", nonce, "00000001"),
                this::lookup)).isInstanceOf(DigestVerdict.Stale.class);
    }

    @Test
    void replayedNonceCountIsRejectedAndHigherCountAccepted() {
        String nonce = nonce();
        DigestResponse first = answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", nonce, "00000001");
        assertThat(auth.verify("REGISTER", first, this::lookup)).isInstanceOf(DigestVerdict.Accepted.class);
        assertThat(auth.verify("REGISTER", first, this::lookup)).isInstanceOf(DigestVerdict.Rejected.class);
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", nonce, "00000002"),
                this::lookup)).isInstanceOf(DigestVerdict.Accepted.class);
    }

    @Test
    void forgedOrForeignNonceIsUnknown() {
        assertThat(auth.verify("REGISTER", answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", "bm90LW91cnM",
                "00000001"), this::lookup)).isInstanceOf(DigestVerdict.UnknownNonce.class);
    }

    @Test
    void missingParametersAndUnknownAlgorithmAreMalformed() {
        DigestResponse noResponse = new DigestResponse(Optional.of("acme-pbx"), Optional.of(REALM),
                Optional.of(nonce()), Optional.of("sip:sentral.test"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(auth.verify("REGISTER", noResponse, this::lookup))
                .isEqualTo(new DigestVerdict.Malformed("Authorization lacks the response parameter"));
        DigestResponse sha512 = new DigestResponse(Optional.of("acme-pbx"), Optional.of(REALM), Optional.of(nonce()),
                Optional.of("sip:sentral.test"), Optional.of("00"), Optional.of("SHA-512-256"), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(auth.verify("REGISTER", sha512, this::lookup))
                .isEqualTo(new DigestVerdict.Malformed("unsupported digest algorithm 'SHA-512-256'"));
    }

    @Test
    void wrongRealmIsRejected() {
        DigestResponse a = answer(DigestAlgorithm.MD5, "acme-pbx", "acme-secret", nonce(), "00000001");
        DigestResponse otherRealm = new DigestResponse(a.username(), Optional.of("evil.test"), a.nonce(), a.uri(),
                a.response(), a.algorithm(), a.qop(), a.cnonce(), a.nonceCount());
        assertThat(auth.verify("REGISTER", otherRealm, this::lookup)).isInstanceOf(DigestVerdict.Rejected.class);
    }

    @Test
    void rfc2069StyleWithoutQopIsAccepted() {
        String nonce = nonce();
        String ha1 = DigestAlgorithm.MD5.hash("acme-pbx:" + REALM + ":acme-secret");
        String response = DigestAlgorithm.MD5.hash(ha1 + ":" + nonce + ":" + DigestAlgorithm.MD5.hash("INVITE:sip:+4791234567@sentral.test"));
        DigestResponse a = new DigestResponse(Optional.of("acme-pbx"), Optional.of(REALM), Optional.of(nonce),
                Optional.of("sip:+4791234567@sentral.test"), Optional.of(response), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(auth.verify("INVITE", a, this::lookup)).isInstanceOf(DigestVerdict.Accepted.class);
    }
}
