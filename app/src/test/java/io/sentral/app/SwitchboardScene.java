package io.sentral.app;

import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.testkit.SipTestAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A demo node with the carrier gateway agent on 127.0.0.2 and the switchboard users' phones: the
 * stage of the switchboard's SIP tests. Closing it stops the phones, the carrier and the node.
 */
final class SwitchboardScene implements AutoCloseable {
    final SipTestAgent carrier;
    final TestNode node;
    final Phones phones;

    private SwitchboardScene(SipTestAgent carrier, TestNode node) {
        this.carrier = carrier;
        this.node = node;
        this.phones = new Phones(node);
    }

    static SwitchboardScene start(Path dataDir, UnaryOperator<CustomerProvisioning> customers) {
        return start(dataDir, customers, UnaryOperator.identity());
    }

    static SwitchboardScene start(Path dataDir, UnaryOperator<CustomerProvisioning> customers,
                                  UnaryOperator<TestNode.Setup> setup) {
        SipTestAgent carrier = SipTestAgent.udp("127.0.0.2", 0);
        TestNode node = TestNode.start(dataDir, Clock.systemUTC(), setup.apply(TestNode.Setup.defaults()
                .gateways(Map.of("carrier-1", carrier.port())).customers(customers)));
        return new SwitchboardScene(carrier, node);
    }

    @Override
    public void close() {
        phones.close();
        carrier.close();
        node.close();
    }
}
