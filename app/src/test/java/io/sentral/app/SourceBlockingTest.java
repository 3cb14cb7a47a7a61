package io.sentral.app;

import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.testkit.DigestClient;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * N1 "blocked sources": an address guessing passwords is blocked after 20 failures within a
 * minute — its requests go unanswered — while other addresses and emergency calls from it are
 * still served.
 */
class SourceBlockingTest {
    @TempDir
    Path dataDir;

    private TestNode node;
    private SipTestAgent scanner;
    private SipTestAgent pbx;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        scanner = SipTestAgent.udp("127.0.0.9", 0);
        pbx = SipTestAgent.udp("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        scanner.close();
        pbx.close();
        node.close();
    }

    @Test
    void aPasswordScannerIsBlockedAndNobodyElse() {
        for (int i = 0; i < 20; i++) {
            SipMessage refused = scanner.register(node.address, new DigestClient("acme-pbx", "guess-" + i),
                    TestNode.DOMAIN, Duration.ofHours(1), WAIT);
            assertThat(refused.status()).isEqualTo(403);
        }
        SipMessage more = scanner.newRegister("acme-pbx", TestNode.DOMAIN, Duration.ofHours(1));
        scanner.send(more, node.address);
        assertThatThrownBy(() -> scanner.awaitResponse(more, Duration.ofSeconds(1)))
                .as("blocked: unanswered").isInstanceOf(AssertionError.class);
        assertThat(node.server.meters().scrape()).contains("sentral_blocked_sources 1.0")
                .contains("sentral_blocked_requests_total 1.0")
                .contains("sentral_auth_failures_total{method=\"REGISTER\"} 20.0");

        assertThat(node.registerAcme(pbx).status()).as("another address is served").isEqualTo(200);

        SipMessage emergency = scanner.newInvite("+4722120005", "sip:112@127.0.0.1:" + node.address.getPort(), "");
        scanner.send(emergency, node.address);
        assertThat(scanner.awaitFinalResponse(emergency, WAIT).status())
                .as("an emergency call from a blocked address still reaches the edge (and is challenged)")
                .isEqualTo(407);
    }
}
