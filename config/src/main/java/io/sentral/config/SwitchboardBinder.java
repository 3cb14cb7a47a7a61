package io.sentral.config;

import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a customer's switchboard (S1-S4): {@code mainNumber}, {@code users[]} and
 * {@code queues[]}. Their numbers must be the customer's own and not on a trunk (a trunk's numbers
 * go to the PBX); queue members and overflow targets must exist.
 */
final class SwitchboardBinder {
    private static final Set<String> USER_KEYS = Set.of("username", "password", "firstName", "lastName",
            "department", "extension", "mobile", "directNumber");
    private static final Set<String> QUEUE_KEYS = Set.of("name", "number", "members", "strategy", "ringTimeout",
            "wrapUp", "maxWait", "maxWaiting", "overflow");

    private final TenantId tenant;
    private final String realm;
    private final Uniques globalIds;
    private final CustomerNumbers numbers;
    private final List<TrunkBinder.BoundTrunk> trunks;
    private final Uniques local = new Uniques();

    SwitchboardBinder(TenantId tenant, String realm, Uniques globalIds, CustomerNumbers numbers,
                      List<TrunkBinder.BoundTrunk> trunks) {
        this.tenant = tenant;
        this.realm = realm;
        this.globalIds = globalIds;
        this.numbers = numbers;
        this.trunks = trunks;
    }

    Optional<E164Number> mainNumber(YamlNode customer) {
        return customer.optional("mainNumber").map(n -> ownNumber(n, "main number"));
    }

    List<User> users(List<YamlNode> items) {
        return items.stream().map(this::user).toList();
    }

    private User user(YamlNode item) {
        YamlNode u = item.object(USER_KEYS);
        YamlNode usernameNode = u.required("username");
        UserId id = usernameNode.parse(UserId::of);
        globalIds.claim("SIP username", id.value(), usernameNode);
        YamlNode extension = u.required("extension");
        local.claim("extension", extension.text(), extension);
        DigestCredentials credentials = DigestCredentials.fromPassword(id.value(), realm,
                u.required("password", "users log in to their SIP devices with username and password").nonBlankText());
        return u.build(() -> new User(tenant, id,
                u.optional("firstName").map(YamlNode::text).orElse(""),
                u.optional("lastName").map(YamlNode::text).orElse(""),
                u.optional("department").map(YamlNode::text).orElse(""),
                extension.parse(e -> e), credentials,
                u.optional("mobile").map(YamlNode::number),
                u.optional("directNumber").map(n -> switchboardNumber(n, "direct number"))));
    }

    List<Queue> queues(List<YamlNode> items, List<User> users) {
        Map<QueueName, YamlNode> names = new HashMap<>();
        for (YamlNode item : items) {
            YamlNode nameNode = item.object(QUEUE_KEYS).required("name");
            QueueName name = nameNode.parse(QueueName::of);
            local.claim("queue name", name, nameNode);
            names.put(name, nameNode);
        }
        Set<UserId> userIds = Set.copyOf(users.stream().map(User::id).toList());
        return items.stream().map(item -> queue(item, userIds, names.keySet())).toList();
    }

    private Queue queue(YamlNode q, Set<UserId> users, Set<QueueName> queues) {
        QueueName name = q.required("name").parse(QueueName::of);
        E164Number number = switchboardNumber(q.required("number"), "queue number");
        Uniques members = new Uniques();
        List<UserId> memberIds = q.elements("members").stream().map(m -> {
            UserId id = m.parse(UserId::of);
            if (!users.contains(id)) {
                throw m.error("'" + id + "' is not a user of customer " + tenant);
            }
            members.claim("member", id, m);
            return id;
        }).toList();
        QueueStrategy strategy = q.optional("strategy").map(n -> n.enumValue(QueueStrategy.class, "queue strategy"))
                .orElse(QueueStrategy.RING_ALL);
        Duration ringTimeout = q.optional("ringTimeout").map(YamlNode::duration).orElse(Duration.ofSeconds(15));
        if (ringTimeout.isZero()) {
            throw q.required("ringTimeout").error("must be longer than 0");
        }
        Duration wrapUp = q.optional("wrapUp").map(YamlNode::duration).orElse(Duration.ZERO);
        Duration maxWait = q.optional("maxWait").map(YamlNode::duration).orElse(Duration.ofSeconds(60));
        int maxWaiting = q.optional("maxWaiting").map(n -> n.integer(0, 10_000)).orElse(0);
        Optional<CallTarget> overflow = q.optional("overflow").map(o -> overflow(o, name, users, queues));
        return q.build(() -> new Queue(tenant, name, number, memberIds, strategy, ringTimeout, wrapUp, maxWait,
                maxWaiting, overflow));
    }

    private CallTarget overflow(YamlNode node, QueueName self, Set<UserId> users, Set<QueueName> queues) {
        YamlNode o = node.object(Set.of("queue", "user", "number"));
        int given = (o.has("queue") ? 1 : 0) + (o.has("user") ? 1 : 0) + (o.has("number") ? 1 : 0);
        if (given != 1) {
            throw o.error("give exactly one of queue, user or number");
        }
        if (o.has("queue")) {
            YamlNode target = o.required("queue");
            QueueName queue = target.parse(QueueName::of);
            if (!queues.contains(queue)) {
                throw target.error("'" + queue + "' is not a queue of customer " + tenant);
            }
            if (queue.equals(self)) {
                throw target.error("a queue cannot overflow to itself");
            }
            return new CallTarget.ToQueue(queue);
        }
        if (o.has("user")) {
            YamlNode target = o.required("user");
            UserId user = target.parse(UserId::of);
            if (!users.contains(user)) {
                throw target.error("'" + user + "' is not a user of customer " + tenant);
            }
            return new CallTarget.ToUser(user);
        }
        return new CallTarget.ToNumber(o.required("number").number());
    }

    /** A direct or queue number: the customer's own, not on a trunk, not used twice. */
    private E164Number switchboardNumber(YamlNode node, String what) {
        E164Number number = ownNumber(node, what);
        local.claim("switchboard number", number, node);
        return number;
    }

    private E164Number ownNumber(YamlNode node, String what) {
        E164Number number = node.number();
        numbers.requireInRanges(node, NumberRange.single(number));
        trunks.stream().filter(t -> t.ranges().stream().anyMatch(r -> r.contains(number))).findFirst()
                .ifPresent(t -> {
                    throw node.error(number + " is a number of trunk " + t.trunk().id()
                            + "; a " + what + " must not be on a trunk");
                });
        return number;
    }
}
