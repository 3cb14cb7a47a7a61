package io.sentral.config;

import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.util.Set;

/**
 * Binds where a switchboard call goes next, written the same way wherever it appears (a queue's
 * {@code overflow}, S4; a user's {@code forwarding}, S7): exactly one of {@code {queue: <name>}},
 * {@code {user: <username>}} or {@code {number: "<E.164>"}}. Queues and users must be the
 * customer's own; numbers may be anywhere in the public network.
 */
final class CallTargetBinder {
    private static final Set<String> KEYS = Set.of("queue", "user", "number");

    private final TenantId tenant;
    private final Set<UserId> users;
    private final Set<QueueName> queues;

    CallTargetBinder(TenantId tenant, Set<UserId> users, Set<QueueName> queues) {
        this.tenant = tenant;
        this.users = Set.copyOf(users);
        this.queues = Set.copyOf(queues);
    }

    CallTarget bind(YamlNode node) {
        YamlNode o = node.object(KEYS);
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
}
