package io.sentral.routing;

import io.sentral.config.GatewaySettings;
import io.sentral.core.route.GatewayHealth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which the edge tries a set of gateways (T4, like Kamailio's dispatcher with
 * priorities and weights):
 * <ol>
 *   <li>by priority, lowest first;</li>
 *   <li>among equal priority, a weighted random order: each place is drawn among the gateways
 *       left with probability proportional to {@code weight}, so weights 3:1 put the first gateway
 *       first in 3 calls of 4;</li>
 *   <li>gateways {@link GatewayHealth} reports down move behind all that are up, keeping their
 *       order among themselves. They are never left out: when all are down they are still tried
 *       in order, and an emergency call must have somewhere to go.</li>
 * </ol>
 * A health port that fails counts the gateway as up: health only reorders, and guessing "up"
 * loses at most a failover timeout.
 */
final class GatewayOrder {
    private final GatewayHealth health;
    private final RandomGenerator random;

    /** @param random must be safe for concurrent use (routing runs on several lanes) */
    GatewayOrder(GatewayHealth health, RandomGenerator random) {
        this.health = Objects.requireNonNull(health, "health");
        this.random = Objects.requireNonNull(random, "random");
    }

    List<GatewaySettings> order(List<GatewaySettings> gateways) {
        return order(gateways, Optional.empty());
    }

    /**
     * As {@link #order(List)}, with the named gateway (if it is among them) moved before the
     * others of its health: first of all when up, first of the down ones when down.
     */
    List<GatewaySettings> order(List<GatewaySettings> gateways, Optional<String> first) {
        Map<Integer, List<GatewaySettings>> byPriority = new TreeMap<>();
        for (GatewaySettings gateway : gateways) {
            byPriority.computeIfAbsent(gateway.priority(), p -> new ArrayList<>()).add(gateway);
        }
        List<GatewaySettings> ordered = new ArrayList<>(gateways.size());
        byPriority.values().forEach(group -> ordered.addAll(weightedShuffle(group)));
        first.flatMap(name -> ordered.stream().filter(g -> g.name().equals(name)).findFirst())
                .ifPresent(preferred -> {
                    ordered.remove(preferred);
                    ordered.addFirst(preferred);
                });
        List<GatewaySettings> up = new ArrayList<>();
        List<GatewaySettings> down = new ArrayList<>();
        for (GatewaySettings gateway : ordered) {
            (isUp(gateway) ? up : down).add(gateway);
        }
        up.addAll(down);
        return List.copyOf(up);
    }

    private List<GatewaySettings> weightedShuffle(List<GatewaySettings> group) {
        if (group.size() == 1) {
            return group;
        }
        List<GatewaySettings> left = new LinkedList<>(group);
        left.sort(Comparator.comparing(GatewaySettings::name));
        List<GatewaySettings> drawn = new ArrayList<>(group.size());
        while (left.size() > 1) {
            long total = left.stream().mapToLong(GatewaySettings::weight).sum();
            long ticket = random.nextLong(total);
            var it = left.iterator();
            while (it.hasNext()) {
                GatewaySettings candidate = it.next();
                ticket -= candidate.weight();
                if (ticket < 0) {
                    drawn.add(candidate);
                    it.remove();
                    break;
                }
            }
        }
        drawn.addAll(left);
        return drawn;
    }

    private boolean isUp(GatewaySettings gateway) {
        try {
            return health.isUp(gateway.name());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
