package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestClientTest {

    /** RFC 2617 §3.5: the Mufasa example (MD5, qop=auth). */
    @Test
    void rfc2617Example() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", false);

        String header = new DigestClient("Mufasa", "Circle Of Life")
                .authorization(challenge, "GET", "/dir/index.html", 1, "0a4f113b");

        assertThat(header).isEqualTo("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", "
                + "response=\"6629fae49393a05397450978507c4ef1\", cnonce=\"0a4f113b\", qop=auth, nc=00000001, "
                + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
    }

    /** RFC 7616 §3.9.1 (the SHA-256 of RFC 8760): the same request answered with SHA-256 and with MD5. */
    @Test
    void rfc7616Sha256AndMd5Example() {
        String params = "realm=\"http-auth@example.org\", qop=\"auth, auth-int\", "
                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        DigestClient mufasa = new DigestClient("Mufasa", "Circle of Life");
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

        String sha256 = mufasa.authorization(DigestChallenge.parse("Digest " + params + ", algorithm=SHA-256", false),
                "GET", "/dir/index.html", 1, cnonce);
        String md5 = mufasa.authorization(DigestChallenge.parse("Digest " + params + ", algorithm=MD5", false),
                "GET", "/dir/index.html", 1, cnonce);

        assertThat(sha256).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
                .contains("algorithm=SHA-256");
        assertThat(md5).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
    }

    /** RFC 2069 form when no qop is offered: response = H(H(A1):nonce:H(A2)). */
    @Test
    void noQopForm() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"sentral.test\", nonce=\"abc\"", false);

        String header = new DigestClient("acme-pbx", "acme-secret").authorization(challenge, "REGISTER",
                "sip:sentral.test");

        String ha1 = DigestClient.hash("MD5", "acme-pbx:sentral.test:acme-secret");
        String ha2 = DigestClient.hash("MD5", "REGISTER:sip:sentral.test");
        assertThat(header).isEqualTo("Digest username=\"acme-pbx\", realm=\"sentral.test\", nonce=\"abc\", "
                + "uri=\"sip:sentral.test\", response=\"" + DigestClient.hash("MD5", ha1 + ":abc:" + ha2) + "\"");
        assertThat(ha1).isEqualTo(DigestClient.hash("md5", "acme-pbx:sentral.test:acme-secret"));
    }

    @Test
    void withoutQopAnswersInTheOldFormEvenWhenQopIsOffered() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"", false);

        assertThat(new DigestClient("u", "p").withoutQop().authorization(challenge, "INVITE", "sip:x@r"))
                .doesNotContain("qop").doesNotContain("nc=").doesNotContain("cnonce");
    }

    @Test
    void countsNoncesSeparatelyAndCanReplayACount() {
        DigestClient client = new DigestClient("u", "p");
        DigestChallenge first = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\"", false);
        DigestChallenge second = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n2\", qop=\"auth\"", false);

        assertThat(client.authorization(first, "REGISTER", "sip:r")).contains("nc=00000001");
        assertThat(client.authorization(first, "REGISTER", "sip:r")).contains("nc=00000002");
        assertThat(client.authorization(second, "REGISTER", "sip:r")).contains("nc=00000001");
        assertThat(client.lastCount("n1")).isEqualTo(2);

        SipMessage register = new RequestFactory("UDP", "127.0.0.2", 5060, "t").register("u", "r", Duration.ofHours(1));
        assertThat(client.authorize(register, first, 1).header("Authorization").orElseThrow()).contains("nc=00000001");
        assertThat(client.lastCount("n1")).as("a chosen count does not move the counter").isEqualTo(2);
    }

    @Test
    void wrongPasswordGivesAnotherResponse() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\"", false);
        DigestClient right = new DigestClient("u", "secret");

        assertThat(right.withPassword("wrong").authorization(challenge, "REGISTER", "sip:r"))
                .isNotEqualTo(right.authorization(challenge, "REGISTER", "sip:r"));
    }

    @Test
    void authorizeMakesANewTransactionWithTheAnswer() {
        RequestFactory pbx = new RequestFactory("UDP", "127.0.0.2", 5060, "t");
        SipMessage register = pbx.register("acme-pbx", "sentral.test", Duration.ofHours(1));
        SipMessage challenge = challenge(register, 401, "WWW-Authenticate",
                "Digest realm=\"sentral.test\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"sentral.test\", nonce=\"n\", algorithm=MD5, qop=\"auth\"");

        SipMessage authorized = new DigestClient("acme-pbx", "acme-secret").authorize(register, challenge);

        assertThat(authorized.cseq().number()).isEqualTo(register.cseq().number() + 1);
        assertThat(authorized.branch()).isNotEqualTo(register.branch());
        assertThat(authorized.callId()).isEqualTo(register.callId());
        assertThat(authorized.header("Authorization").orElseThrow())
                .as("the server's first (preferred) algorithm").contains("algorithm=SHA-256")
                .contains("uri=\"sip:sentral.test\"");
        assertThat(new DigestClient("acme-pbx", "acme-secret").preferring("MD5").authorize(register, challenge)
                .header("Authorization").orElseThrow()).contains("algorithm=MD5");
    }

    @Test
    void proxyChallengeIsAnsweredWithProxyAuthorization() {
        SipMessage invite = new RequestFactory("UDP", "127.0.0.2", 5060, "t").invite("22120005", "sip:91234567@sentral.test", "");
        SipMessage challenge = challenge(invite, 407, "Proxy-Authenticate", "Digest realm=\"sentral.test\", nonce=\"n\"");

        SipMessage authorized = new DigestClient("acme-pbx", "acme-secret").authorize(invite, challenge);

        assertThat(authorized.header("Proxy-Authorization")).isPresent();
        assertThat(authorized.header("Authorization")).isEmpty();
        assertThat(authorized.method()).isEqualTo("INVITE");
    }

    @Test
    void unsupportedAlgorithmsAreRefused() {
        RequestFactory pbx = new RequestFactory("UDP", "127.0.0.2", 5060, "t");
        SipMessage register = pbx.register("u", "r", Duration.ofHours(1));
        SipMessage challenge = challenge(register, 401, "WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess");

        assertThatThrownBy(() -> new DigestClient("u", "p").authorize(register, challenge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no usable Digest challenge");
        assertThatThrownBy(() -> DigestClient.hash("SHA-1", "x")).hasMessageContaining("SHA-1");
    }

    @Test
    void parsesChallengeParameters() {
        DigestChallenge c = DigestChallenge.parse(
                "Digest realm=\"sentral.test\",nonce=\"a,b\", algorithm=sha-256, qop=\"auth,auth-int\", stale=TRUE, "
                        + "opaque=\"o\"", true);

        assertThat(c).isEqualTo(new DigestChallenge(true, "sentral.test", "a,b", Optional.of("o"),
                Optional.of("sha-256"), List.of("auth", "auth-int"), true));
        assertThat(c.algorithmName()).isEqualTo("SHA-256");
        assertThat(c.answerHeader()).isEqualTo("Proxy-Authorization");
    }

    private static SipMessage challenge(SipMessage request, int status, String header, String... values) {
        SipMessage.Builder b = SipMessage.responseTo(request, status, status == 401 ? "Unauthorized"
                : "Proxy Authentication Required");
        for (String v : values) {
            b.header(header, v);
        }
        return b.build().withHeader("To", request.header("To").orElseThrow() + ";tag=s1");
    }
}
