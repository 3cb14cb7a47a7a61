package io.sentral.app;

import io.sentral.testkit.MutableClock;
import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.testkit.DigestChallenge;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * T2 registrar over real UDP/TCP sockets against a node with the demo provisioning on H2.
 *
 * <pre>
 * PBX (127.0.0.1:x)            Sentral
 *   | REGISTER ------------------>|
 *   |<------------ 401 challenge  |
 *   | REGISTER + Authorization -->|
 *   |<----------- 200 + Contacts  |
 * </pre>
 */
class RegistrationTest {
    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestNode node;
    private SipTestAgent pbx;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, clock, Map.of(), Duration.ofSeconds(2));
        pbx = SipTestAgent.udp("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        pbx.close();
        node.close();
    }

    private SipMessage challenge(SipMessage register) {
        pbx.send(register, node.address);
        SipMessage challenge = pbx.awaitResponse(register, 401, WAIT);
        assertThat(challenge.headers("WWW-Authenticate")).isNotEmpty();
        return challenge;
    }

    @Test
    void registersWithDigestAndListsTheBinding() {
        SipMessage ok = node.registerAcme(pbx);
        assertThat(ok.contacts()).hasSize(1);
        assertThat(ok.header("Contact").orElseThrow()).contains(pbx.host() + ":" + pbx.port()).contains("expires=3600");
    }

    @Test
    void registersWithSha256() {
        SipMessage ok = pbx.register(node.address, new DigestClient("acme-pbx", "acme-secret").preferring("SHA-256"),
                DOMAIN, Duration.ofHours(1), WAIT);
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsForbidden() {
        SipMessage answer = pbx.register(node.address, new DigestClient("acme-pbx", "guessed"), DOMAIN,
                Duration.ofHours(1), WAIT);
        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void unknownUserIsForbidden() {
        SipTestAgent stranger = SipTestAgent.udp("127.0.0.9", 0);
        try (stranger) {
            SipMessage answer = stranger.register(node.address, new DigestClient("mallory", "x"), DOMAIN,
                    Duration.ofHours(1), WAIT);
            assertThat(answer.status()).isEqualTo(403);
        }
    }

    @Test
    void expiredNonceIsAnsweredStale() {
        SipMessage register = pbx.newRegister("acme-pbx", DOMAIN, Duration.ofHours(1));
        SipMessage challenge = challenge(register);
        clock.advance(Duration.ofSeconds(301));
        SipMessage late = new DigestClient("acme-pbx", "acme-secret").authorize(register, challenge);
        pbx.send(late, node.address);
        SipMessage stale = pbx.awaitResponse(late, 401, WAIT);
        assertThat(String.join(",", stale.headers("WWW-Authenticate"))).contains("stale=true");
    }

    @Test
    void replayedNonceCountIsForbidden() {
        SipMessage register = pbx.newRegister("acme-pbx", DOMAIN, Duration.ofHours(1));
        DigestClient client = new DigestClient("acme-pbx", "acme-secret");
        DigestChallenge challenge = client.challengeIn(challenge(register));
        SipMessage first = client.authorize(register, challenge, 1);
        pbx.send(first, node.address);
        assertThat(pbx.awaitFinalResponse(first, WAIT).status()).isEqualTo(200);
        SipMessage replay = client.authorize(pbx.next(first), challenge, 1);
        pbx.send(replay, node.address);
        assertThat(pbx.awaitFinalResponse(replay, WAIT).status()).isEqualTo(403);
    }

    @Test
    void tooBriefExpiryIsAnswered423() {
        SipMessage answer = pbx.register(node.address, new DigestClient("acme-pbx", "acme-secret"), DOMAIN,
                Duration.ofSeconds(10), WAIT);
        assertThat(answer.status()).isEqualTo(423);
        assertThat(answer.header("Min-Expires")).contains("60");
    }

    @Test
    void expiresZeroUnregistersAndQueryShowsNothing() {
        node.registerAcme(pbx);
        SipMessage gone = pbx.register(node.address, new DigestClient("acme-pbx", "acme-secret"), DOMAIN,
                Duration.ZERO, WAIT);
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.contacts()).isEmpty();
    }

    @Test
    void wildcardUnregistersAllContacts() {
        node.registerAcme(pbx);
        SipMessage star = pbx.newRegister("acme-pbx", DOMAIN, Duration.ZERO).withHeader("Contact", "*");
        DigestClient client = new DigestClient("acme-pbx", "acme-secret");
        SipMessage authorized = client.authorize(star, challenge(star));
        pbx.send(authorized, node.address);
        SipMessage ok = pbx.awaitFinalResponse(authorized, WAIT);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contacts()).isEmpty();
    }

    @Test
    void registerWithoutContactQueriesTheBindings() {
        node.registerAcme(pbx);
        SipMessage query = pbx.newRegister("acme-pbx", DOMAIN, Duration.ofHours(1)).withoutHeader("Contact")
                .withoutHeader("Expires");
        SipMessage authorized = new DigestClient("acme-pbx", "acme-secret").authorize(query, challenge(query));
        pbx.send(authorized, node.address);
        SipMessage ok = pbx.awaitFinalResponse(authorized, WAIT);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contacts()).hasSize(1);
    }

    @Test
    void aTrunkMayNotRegisterAnotherAddressOfRecord() {
        SipMessage register = pbx.newRegister("bob", DOMAIN, Duration.ofHours(1));
        SipMessage challenge = challenge(register);
        SipMessage authorized = new DigestClient("acme-pbx", "acme-secret").authorize(register, challenge);
        pbx.send(authorized, node.address);
        assertThat(pbx.awaitFinalResponse(authorized, WAIT).status()).isEqualTo(403);
    }

    @Test
    void registersOverTcp() {
        try (SipTestAgent tcpPbx = SipTestAgent.tcp("127.0.0.1", "127.0.0.1", node.address.getPort())) {
            SipMessage ok = tcpPbx.register(node.address, new DigestClient("acme-pbx", "acme-secret"), DOMAIN,
                    Duration.ofHours(1), WAIT);
            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @Test
    void switchboardUsersRegisterTheirDevicesWithTheirSipLogin() {
        SipMessage ok = pbx.register(node.address, new DigestClient("alice", "alice-secret"), DOMAIN,
                Duration.ofHours(1), WAIT);
        assertThat(ok.status()).isEqualTo(200);
        try (SipTestAgent desk = SipTestAgent.udp("127.0.0.1", 0)) {
            SipMessage second = desk.register(node.address, new DigestClient("alice", "alice-secret"), DOMAIN,
                    Duration.ofHours(1), WAIT);
            assertThat(second.contacts()).hasSize(2);
        }
        SipMessage wrong = pbx.register(node.address, new DigestClient("bob", "alice-secret"), DOMAIN,
                Duration.ofHours(1), WAIT);
        assertThat(wrong.status()).isEqualTo(403);
    }

    @Test
    void optionsIsAnswered200() {
        SipMessage options = pbx.newOptions("sip:" + DOMAIN);
        pbx.send(options, node.address);
        SipMessage ok = pbx.awaitResponse(options, 200, WAIT);
        assertThat(ok.header("Allow").orElseThrow()).contains("INVITE");
    }
}
