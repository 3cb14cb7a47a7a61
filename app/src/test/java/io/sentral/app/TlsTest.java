package io.sentral.app;

import static io.sentral.app.TestNode.DOMAIN;
import static io.sentral.app.TestNode.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.tenant.Transport;
import io.sentral.testkit.DigestClient;
import io.sentral.testkit.SipMessage;
import io.sentral.testkit.SipTestAgent;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T1: SIP over TLS with the self-signed demo certificate generated on first start and reused after. */
class TlsTest {
    @TempDir
    Path dataDir;

    private TestNode startWithTls() {
        return TestNode.start(dataDir, Clock.systemUTC(), Map.of(), Duration.ofSeconds(2),
                List.of(Transport.UDP, Transport.TCP, Transport.TLS));
    }

    @Test
    void registersOverTlsWithTheGeneratedCertificateAndKeepsItAcrossRestarts() throws Exception {
        Path keyStore = dataDir.resolve("tls/sentral-tls.p12");
        byte[] first;
        try (TestNode node = startWithTls()) {
            assertThat(keyStore).exists();
            first = Files.readAllBytes(keyStore);
            int tlsPort = node.server.sipTlsPort();
            assertThat(tlsPort).isPositive().isNotEqualTo(node.address.getPort());
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", tlsPort);
            try (SipTestAgent pbx = SipTestAgent.tls("127.0.0.1", "127.0.0.1", tlsPort)) {
                SipMessage ok = pbx.register(server, new DigestClient("acme-pbx", "acme-secret"), DOMAIN,
                        Duration.ofHours(1), WAIT);
                assertThat(ok.status()).isEqualTo(200);
                assertThat(ok.topVia().transport()).isEqualToIgnoringCase("TLS");
                SipMessage options = pbx.newOptions("sip:" + DOMAIN);
                pbx.send(options, server);
                assertThat(pbx.awaitResponse(options, 200, WAIT).status()).isEqualTo(200);
            }
        }
        try (TestNode restarted = startWithTls()) {
            assertThat(Files.readAllBytes(keyStore)).isEqualTo(first);
        }
    }
}
