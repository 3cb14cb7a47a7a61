package io.sentral.config;

import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.WhenNoAgent;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a customer's switchboard (S1-S4, S6, S7, S9): {@code mainNumber}, {@code users[]} and
 * {@code queues[]}. Their numbers must be the customer's own and not on a trunk (a trunk's numbers
 * go to the PBX); queue members, overflow and forwarding targets must exist. Users and queues
 * refer to each other (forwarding to a queue, a queue's members), so the queue names are bound
 * first ({@link #queueNames}), then the users, then the queues.
 */
final class SwitchboardBinder {
    private static final Set<String> USER_KEYS = Set.of("username", "password", "firstName", "lastName",
            "department", "extension", "mobile", "directNumber", "extraTerminal", "forwarding", "presentation",
            "calendarFeed");
    private static final Set<String> QUEUE_KEYS = Set.of("name", "number", "members", "strategy", "ringTimeout",
            "wrapUp", "maxWait", "maxWaiting", "overflow", "whenNoAgent", "autopauseAfterMisses");

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

    /** The names of the queues {@code items}, each claimed once in the customer. */
    Set<QueueName> queueNames(List<YamlNode> items) {
        Set<QueueName> names = new LinkedHashSet<>();
        for (YamlNode item : items) {
            YamlNode nameNode = item.object(QUEUE_KEYS).required("name");
            QueueName name = nameNode.parse(QueueName::of);
            local.claim("queue name", name, nameNode);
            names.add(name);
        }
        return names;
    }

    /** The users {@code items}; their forwarding and presentation may name {@code queues} and each other. */
    List<User> users(List<YamlNode> items, Set<QueueName> queues, Optional<E164Number> mainNumber) {
        Set<UserId> ids = new HashSet<>();
        for (YamlNode item : items) {
            ids.add(item.object(USER_KEYS).required("username").parse(UserId::of));
        }
        UserServicesBinder services = new UserServicesBinder(tenant, ids, queues, mainNumber);
        return items.stream().map(item -> user(item, services)).toList();
    }

    private User user(YamlNode item, UserServicesBinder servicesBinder) {
        YamlNode u = item.object(USER_KEYS);
        YamlNode usernameNode = u.required("username");
        UserId id = usernameNode.parse(UserId::of);
        globalIds.claim("SIP username", id.value(), usernameNode);
        YamlNode extension = u.required("extension");
        local.claim("extension", extension.text(), extension);
        DigestCredentials credentials = DigestCredentials.fromPassword(id.value(), realm,
                u.required("password", "users log in to their SIP devices with username and password").nonBlankText());
        Optional<E164Number> mobile = u.optional("mobile").map(YamlNode::number);
        Optional<E164Number> directNumber = u.optional("directNumber").map(n -> switchboardNumber(n, "direct number"));
        UserServicesBinder.Services services = servicesBinder.bind(u, id, mobile);
        return u.build(() -> new User(tenant, id,
                u.optional("firstName").map(YamlNode::text).orElse(""),
                u.optional("lastName").map(YamlNode::text).orElse(""),
                u.optional("department").map(YamlNode::text).orElse(""),
                extension.parse(e -> e), credentials, mobile, directNumber, services.extraTerminal(),
                services.forwarding(), services.presentation(), services.calendarFeed()));
    }

    /** The queues {@code items}, whose names {@link #queueNames} has bound. */
    List<Queue> queues(List<YamlNode> items, List<User> users, Set<QueueName> queueNames) {
        Set<UserId> userIds = Set.copyOf(users.stream().map(User::id).toList());
        CallTargetBinder targets = new CallTargetBinder(tenant, userIds, queueNames);
        return items.stream().map(item -> queue(item, userIds, targets)).toList();
    }

    private Queue queue(YamlNode q, Set<UserId> users, CallTargetBinder targets) {
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
        Optional<CallTarget> overflow = q.optional("overflow").map(o -> overflow(o, name, targets));
        WhenNoAgent whenNoAgent = q.optional("whenNoAgent")
                .map(n -> n.enumValue(WhenNoAgent.class, "no-agent rule"))
                .orElse(WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE);
        int autopause = q.optional("autopauseAfterMisses").map(n -> n.integer(0, 100)).orElse(0);
        return q.build(() -> new Queue(tenant, name, number, memberIds, strategy, ringTimeout, wrapUp, maxWait,
                maxWaiting, overflow, whenNoAgent, autopause));
    }

    private static CallTarget overflow(YamlNode node, QueueName self, CallTargetBinder targets) {
        CallTarget target = targets.bind(node);
        if (target instanceof CallTarget.ToQueue to && to.queue().equals(self)) {
            throw node.required("queue").error("a queue cannot overflow to itself");
        }
        return target;
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
