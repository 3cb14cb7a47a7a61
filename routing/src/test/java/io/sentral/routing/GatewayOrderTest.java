package io.sentral.routing;

import static io.sentral.routing.DemoTenants.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.route.Destination;
import io.sentral.core.route.GatewayHealth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** T4: priority, weight and health decide the order in which the edge tries gateways. */
class GatewayOrderTest {
    private final Set<String> down = new HashSet<>();
    private final GatewayHealth health = gateway -> !down.contains(gateway);

    private static GatewaySettings carrier(String name, int priority, int weight) {
        return gateway(name, GatewayRole.CARRIER, "127.0.0.2:5060", priority, weight, List.of());
    }

    private static List<String> names(List<GatewaySettings> gateways) {
        return gateways.stream().map(GatewaySettings::name).toList();
    }

    @Test
    void lowerPriorityFirstWhateverTheListOrder() {
        GatewayOrder order = new GatewayOrder(health, new Random(1));

        assertThat(names(order.order(List.of(carrier("c", 3, 1), carrier("a", 1, 1), carrier("b", 2, 1)))))
                .containsExactly("a", "b", "c");
    }

    @Test
    void weightsShareTheFirstPlaceAmongEqualPriority() {
        GatewayOrder order = new GatewayOrder(health, new Random(20300301L));
        List<GatewaySettings> gateways = List.of(carrier("heavy", 1, 3), carrier("light", 1, 1),
                carrier("backup", 2, 100));
        Map<String, Integer> first = new HashMap<>();

        for (int i = 0; i < 10_000; i++) {
            List<String> ordered = names(order.order(gateways));
            first.merge(ordered.getFirst(), 1, Integer::sum);
            assertThat(ordered.getLast()).isEqualTo("backup");
            assertThat(ordered).containsExactlyInAnyOrder("heavy", "light", "backup");
        }

        assertThat(first.get("heavy")).isBetween(7_300, 7_700);
        assertThat(first.get("light")).isBetween(2_300, 2_700);
        assertThat(first).doesNotContainKey("backup");
    }

    @Test
    void threeWeightsAreDrawnWithoutReplacement() {
        GatewayOrder order = new GatewayOrder(health, new Random(7));
        List<GatewaySettings> gateways = List.of(carrier("a", 1, 2), carrier("b", 1, 1), carrier("c", 1, 1));
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> last = new HashMap<>();

        for (int i = 0; i < 8_000; i++) {
            List<String> ordered = names(order.order(gateways));
            first.merge(ordered.getFirst(), 1, Integer::sum);
            last.merge(ordered.getLast(), 1, Integer::sum);
        }

        assertThat(first.get("a")).isBetween(3_800, 4_200);
        assertThat(first.get("b")).isBetween(1_800, 2_200);
        assertThat(last.get("a")).as("a is last only when b and c came first: 2 * 1/4 * 1/3")
                .isBetween(1_200, 1_467);
    }

    @Test
    void theSameSeedGivesTheSameOrderWhateverTheListOrder() {
        List<GatewaySettings> one = List.of(carrier("a", 1, 1), carrier("b", 1, 1), carrier("c", 1, 1));
        List<GatewaySettings> other = List.of(carrier("c", 1, 1), carrier("a", 1, 1), carrier("b", 1, 1));

        assertThat(names(new GatewayOrder(health, new Random(5)).order(one)))
                .isEqualTo(names(new GatewayOrder(health, new Random(5)).order(other)));
    }

    @Test
    void downGatewaysGoBehindTheUpOnesInTheirOrder() {
        GatewayOrder order = new GatewayOrder(health, new Random(1));
        down.add("a");
        down.add("c");

        assertThat(names(order.order(List.of(carrier("a", 1, 1), carrier("b", 2, 1), carrier("c", 3, 1),
                carrier("d", 4, 1))))).containsExactly("b", "d", "a", "c");
    }

    @Test
    void allDownAreStillTriedInOrder() {
        GatewayOrder order = new GatewayOrder(health, new Random(1));
        down.addAll(List.of("a", "b", "c"));

        assertThat(names(order.order(List.of(carrier("b", 2, 1), carrier("c", 3, 1), carrier("a", 1, 1)))))
                .containsExactly("a", "b", "c");
    }

    @Test
    void aFailingHealthPortCountsAsUp() {
        GatewayOrder order = new GatewayOrder(gateway -> {
            if (gateway.equals("a")) {
                throw new IllegalStateException("monitor broken");
            }
            return !gateway.equals("b");
        }, new Random(1));

        assertThat(names(order.order(List.of(carrier("a", 1, 1), carrier("b", 0, 1))))).containsExactly("a", "b");
    }

    @Test
    void aNamedGatewayGoesFirstOfItsHealth() {
        GatewayOrder order = new GatewayOrder(health, new Random(1));
        List<GatewaySettings> gateways = List.of(carrier("a", 1, 1), carrier("b", 2, 1), carrier("c", 3, 1));

        assertThat(names(order.order(gateways, Optional.of("c")))).containsExactly("c", "a", "b");
        down.add("c");
        assertThat(names(order.order(gateways, Optional.of("c")))).containsExactly("a", "b", "c");
        down.add("a");
        assertThat(names(order.order(gateways, Optional.of("c")))).containsExactly("b", "c", "a");
        assertThat(names(order.order(gateways, Optional.of("zz")))).containsExactly("b", "a", "c");
    }

    @Test
    void theRouterUsesWeightsAndHealthForCarriers() {
        RoutingFixture fixture = new RoutingFixture();
        fixture.tenants = DemoTenants.tenants().limits(DemoTenants.ACME_PBX, 0, 0).build();
        List<GatewaySettings> gateways = List.of(
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1, 1, List.of()),
                gateway("carrier-2", GatewayRole.CARRIER, "127.0.0.3:5060", 1, 1, List.of()));
        fixture.down.add("carrier-1");

        for (int i = 0; i < 20; i++) {
            assertThat(RoutingFixture.forward(fixture.router(gateways, new Random(i)).route(
                    fixture.call(RoutingFixture.FROM_ACME, "91234567", "+4722120001"))).destinations())
                    .extracting(Destination::label).containsExactly("gateway carrier-2", "gateway carrier-1");
        }
    }
}
