package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TrunkKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference file loads, and the defaults it documents are the loader's defaults. */
class ReferenceConfigTest {
    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    @Test
    void referenceLoadsAndShowsEveryKind() {
        SentralConfig reference = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE);
        var example = reference.customers().getFirst();
        assertThat(example.trunks()).extracting(t -> t.kind()).containsExactly(TrunkKind.REGISTRATION, TrunkKind.STATIC);
        assertThat(example.queues()).extracting(q -> q.strategy()).contains(QueueStrategy.SERIAL);
        assertThat(example.queues()).filteredOn(q -> q.name().value().equals("Sentralbord")).singleElement()
                .satisfies(q -> {
                    assertThat(q.whenNoAgent()).isEqualTo(io.sentral.core.switchboard.WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE);
                    assertThat(q.autopauseAfterMisses()).as("S5 autopause").isEqualTo(3);
                });
        assertThat(example.emergencyAddresses()).hasSize(3);
        assertThat(example.ranges()).hasSize(3);
        assertThat(reference.accounts()).hasSize(1);
    }

    @Test
    void referenceShowsTrunkPolicyKeys() {
        SentralConfig reference = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE);
        var example = reference.customers().getFirst();
        assertThat(reference.gateways().getFirst().weight()).isEqualTo(1);
        assertThat(reference.node().sip().gatewayPingInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(loader.parse("ping.yaml", "node:\n  sip:\n    gatewayPingInterval: 0s\n").node().sip()
                .gatewayPingInterval()).isZero();
        assertThat(example.monthlyCostLimit()).contains(new BigDecimal("5000.00"));
        assertThat(example.portedIn()).extracting(p -> p.number().value(), p -> p.from())
                .containsExactly(tuple("+4722345678", Instant.parse("2026-12-01T05:00:00Z")),
                        tuple("+4799887766", Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(reference.portedOut()).hasValueSatisfying(out -> assertThat(out).hasSize(2));
        assertThat(reference.portabilityTable().portedOut(E164Number.of("+4791234567")).flatMap(p -> p.gateway()))
                .contains("carrier-1");
    }

    @Test
    void referenceShowsEveryUserService() {
        var users = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE).customers().getFirst().users();
        var erik = users.getFirst();
        var frida = users.get(1);
        assertThat(erik.extraTerminal()).isTrue();
        assertThat(erik.forwarding().onBusy()).contains(new CallTarget.ToQueue(QueueName.of("Kundeservice")));
        assertThat(erik.forwarding().onNoAnswer()).contains(new CallTarget.ToUser(UserId.of("frida")));
        assertThat(erik.forwarding().noAnswerAfter()).isEqualTo(java.time.Duration.ofSeconds(25));
        assertThat(erik.forwarding().onUnreachable()).contains(new CallTarget.ToNumber(E164Number.of("+4791999999")));
        assertThat(erik.presentation()).isEqualTo(new Presentation.Mobile());
        assertThat(erik.calendarFeed()).contains(java.net.URI.create("https://calendar.example.com/erik.ics"));
        assertThat(frida.forwarding().always()).contains(new CallTarget.ToUser(UserId.of("erik")));
        assertThat(frida.presentation()).isEqualTo(new Presentation.QueueNumber(QueueName.of("Sentralbord")));
    }

    @Test
    void documentedNumberPlanIsTheDefault() {
        assertThat(loader.loadResource(ConfigLoader.REFERENCE_RESOURCE).numberPlan())
                .isEqualTo(NumberPlanSettings.nordicDefaults())
                .isEqualTo(loader.parse("empty.yaml", "").numberPlan());
    }

    @Test
    void documentedNodeValuesAreTheDefaults() {
        SentralConfig empty = loader.parse("empty.yaml", "");
        SentralConfig reference = loader.loadResource(ConfigLoader.REFERENCE_RESOURCE);
        assertThat(empty.node()).isEqualTo(reference.node());
        assertThat(empty.customers()).isEmpty();
        assertThat(empty.gateways()).isEmpty();
    }

    @Test
    void demoNodeIsTheDefaultNode() {
        assertThat(loader.loadResource(ConfigLoader.DEMO_RESOURCE).node()).isEqualTo(loader.parse("empty.yaml", "").node());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, "node:\n  sip:\n    port: 5070\n");
        assertThat(loader.load(file).node().sip().port()).isEqualTo(5070);
    }
}
