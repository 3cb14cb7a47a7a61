package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.WhenNoAgent;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A customer's queues and their members (S2, N5), through the same provisioning as the YAML
 * file, live at once: the queue engine picks the change up on its next sync.
 *
 * <pre>
 * GET    /api/customers/{tenant}/queues
 * PUT    /api/customers/{tenant}/queues/{queue}   {number, members[], strategy, ringTimeoutSeconds,
 *                                                 wrapUpSeconds, maxWaitSeconds, maxWaiting,
 *                                                 overflow?: {queue|user|number}, whenNoAgent?,
 *                                                 autopauseAfterMisses?}
 * DELETE /api/customers/{tenant}/queues/{queue}
 * </pre>
 */
public final class QueueRoutes {
    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;

    public QueueRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning) {
        this.tenants = tenants;
        this.provisioning = provisioning;
    }

    /** Where a queue overflows to: exactly one of the three. */
    record OverflowBody(String queue, String user, String number) {
    }

    /** A queue as written. */
    record QueueBody(String number, List<String> members, String strategy, Integer ringTimeoutSeconds,
                     Integer wrapUpSeconds, Integer maxWaitSeconds, Integer maxWaiting, OverflowBody overflow,
                     String whenNoAgent, Integer autopauseAfterMisses) {
        QueueBody {
            JsonBody.required(number, "number");
            JsonBody.required(members, "members");
            JsonBody.required(strategy, "strategy");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/queues", EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON,
                        Role.NOC, Role.SYSTEM_ADMIN), "The customer's queues and their members", this::list),
                ApiRoute.of("PUT", "/api/customers/{tenant}/queues/{queue}", EnumSet.of(Role.CONTACT_PERSON,
                        Role.SYSTEM_ADMIN), "Create or replace a queue; applies at once", this::put),
                ApiRoute.of("DELETE", "/api/customers/{tenant}/queues/{queue}", EnumSet.of(Role.CONTACT_PERSON,
                        Role.SYSTEM_ADMIN), "Remove a queue (refused while another overflows to it)", this::delete));
    }

    private HttpAnswer list(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        return HttpAnswer.json(200, customer.queues().stream().map(QueueRoutes::describe).toList());
    }

    private HttpAnswer put(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        QueueName name = name(request.path("queue"));
        QueueBody body = request.body(QueueBody.class);
        Optional<Queue> existing = customer.queues().stream().filter(q -> q.name().equals(name)).findFirst();
        Queue queue;
        try {
            queue = new Queue(tenant, name, number("number", body.number()),
                    body.members().stream().map(m -> UserId.of(m)).toList(), strategy(body.strategy()),
                    seconds("ringTimeoutSeconds", body.ringTimeoutSeconds(), 15),
                    seconds("wrapUpSeconds", body.wrapUpSeconds(), 0),
                    seconds("maxWaitSeconds", body.maxWaitSeconds(), 60),
                    body.maxWaiting() == null ? 0 : body.maxWaiting(), overflow(body.overflow()),
                    body.whenNoAgent() == null ? WhenNoAgent.OVERFLOW_WHEN_NONE_AVAILABLE
                            : Fields.constant(WhenNoAgent.class, "whenNoAgent", body.whenNoAgent()),
                    body.autopauseAfterMisses() == null ? 0 : body.autopauseAfterMisses());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Queue> queues = new ArrayList<>(customer.queues().stream().filter(q -> !q.name().equals(name)).toList());
        queues.add(queue);
        provisioning.change(customer, c -> c.withQueues(queues), request);
        return HttpAnswer.json(existing.isPresent() ? 200 : 201, describe(queue));
    }

    private HttpAnswer delete(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        QueueName name = name(request.path("queue"));
        if (customer.queues().stream().noneMatch(q -> q.name().equals(name))) {
            throw ApiException.notFound("customer " + tenant + " has no queue '" + name.value() + "'");
        }
        provisioning.change(customer, c -> c.withQueues(c.queues().stream().filter(q -> !q.name().equals(name)).toList()),
                request);
        return HttpAnswer.empty(204);
    }

    private static QueueName name(String text) {
        try {
            return QueueName.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("queue: " + e.getMessage());
        }
    }

    private static E164Number number(String field, String text) {
        try {
            return E164Number.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + e.getMessage());
        }
    }

    private static Duration seconds(String field, Integer value, int otherwise) {
        int seconds = value == null ? otherwise : value;
        if (seconds < 0 || seconds > 86_400) {
            throw new IllegalArgumentException("field '" + field + "': " + seconds + " is outside 0-86400");
        }
        return Duration.ofSeconds(seconds);
    }

    private static QueueStrategy strategy(String text) {
        return Fields.constant(QueueStrategy.class, "strategy", text);
    }

    private static Optional<CallTarget> overflow(OverflowBody body) {
        if (body == null) {
            return Optional.empty();
        }
        int given = (body.queue() != null ? 1 : 0) + (body.user() != null ? 1 : 0) + (body.number() != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("field 'overflow': exactly one of queue, user or number");
        }
        if (body.queue() != null) {
            return Optional.of(new CallTarget.ToQueue(QueueName.of(body.queue())));
        }
        if (body.user() != null) {
            return Optional.of(new CallTarget.ToUser(UserId.of(body.user())));
        }
        return Optional.of(new CallTarget.ToNumber(number("overflow.number", body.number())));
    }

    private static Map<String, Object> describe(Queue q) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("queue", q.name().value());
        doc.put("number", q.number().value());
        doc.put("members", q.members().stream().map(UserId::value).toList());
        doc.put("strategy", Fields.kebab(q.strategy()));
        doc.put("ringTimeoutSeconds", q.ringTimeout().toSeconds());
        doc.put("wrapUpSeconds", q.wrapUp().toSeconds());
        doc.put("maxWaitSeconds", q.maxWait().toSeconds());
        doc.put("maxWaiting", q.maxWaiting());
        q.overflow().ifPresent(t -> doc.put("overflow", switch (t) {
            case CallTarget.ToQueue to -> Map.of("queue", to.queue().value());
            case CallTarget.ToUser to -> Map.of("user", to.user().value());
            case CallTarget.ToNumber to -> Map.of("number", to.number().value());
        }));
        doc.put("whenNoAgent", Fields.kebab(q.whenNoAgent()));
        doc.put("autopauseAfterMisses", q.autopauseAfterMisses());
        return doc;
    }
}
