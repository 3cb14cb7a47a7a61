package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueCallEntry;
import io.sentral.core.switchboard.QueueHistory;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The queue call logs (S12, S13) and the missed queue calls with their follow-up (S18). An
 * operator sees only the queues they belong to; the contact person, the NOC and system admins
 * see every queue of the customer.
 *
 * <pre>
 * GET /api/customers/{tenant}/queues/{queue}/calls?from=&to=   caller, answering agent, wait, talk, overflow
 * GET /api/customers/{tenant}/missed-calls?from=&to=           abandoned, timed out, turned away: follow-up state
 * PUT /api/customers/{tenant}/missed-calls/{id}                {"state": "callback-attempted" | "handled" | "unanswered"}
 * GET /api/customers/{tenant}/statistics?from=&to=             per agent: distributed, answered, answer %,
 *                                                              average talk time, transferred, outgoing calls
 * </pre>
 * The period defaults to the last 7 days; {@code from}/{@code to} are ISO-8601 instants.
 */
public final class QueueLogRoutes {
    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON, Role.NOC,
            Role.SYSTEM_ADMIN);
    private static final Set<Role> HANDLERS = EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    private final Supplier<TenantSnapshot> tenants;
    private final QueueHistory history;
    private final Clock clock;

    public QueueLogRoutes(Supplier<TenantSnapshot> tenants, QueueHistory history, Clock clock) {
        this.tenants = tenants;
        this.history = history;
        this.clock = clock;
    }

    /** The body of a follow-up. */
    record FollowUp(String state) {
        FollowUp {
            JsonBody.required(state, "state");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/queues/{queue}/calls", READERS,
                        "A queue's call log (?from=&to=, default the last 7 days); operators see their own queues",
                        this::calls),
                ApiRoute.of("GET", "/api/customers/{tenant}/missed-calls", READERS,
                        "Missed queue calls with their follow-up state (?from=&to=)", this::missed),
                ApiRoute.of("PUT", "/api/customers/{tenant}/missed-calls/{id}", HANDLERS,
                        "Record the follow-up of a missed call: callback-attempted, handled or unanswered",
                        this::followUp),
                ApiRoute.of("GET", "/api/customers/{tenant}/statistics", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                                Role.SYSTEM_ADMIN),
                        "Per agent for a period (?from=&to=): distributed, answered, answer %, average talk,"
                                + " transferred and outgoing calls", this::statistics));
    }

    private HttpAnswer calls(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        Queue queue = snapshot.queue(tenant, queueName(request.path("queue"))).filter(q -> mayRead(request, q))
                .orElseThrow(() -> ApiException.notFound("customer " + tenant + " has no queue '"
                        + request.path("queue") + "' of yours"));
        Instant[] period = period(request);
        return HttpAnswer.json(200, history.calls(tenant, queue.name(), period[0], period[1]).stream()
                .map(QueueLogRoutes::entry).toList());
    }

    private HttpAnswer missed(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        Instant[] period = period(request);
        return HttpAnswer.json(200, history.missed(tenant, period[0], period[1]).stream()
                .filter(e -> snapshot.queue(tenant, e.queue()).map(q -> mayRead(request, q)).orElse(false))
                .map(QueueLogRoutes::entry).toList());
    }

    private HttpAnswer followUp(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        long id;
        try {
            id = Long.parseLong(request.path("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no missed call '" + request.path("id") + "'");
        }
        FollowUp body = request.body(FollowUp.class);
        boolean ofMine = history.missed(tenant, Instant.EPOCH, clock.instant().plusSeconds(1)).stream()
                .anyMatch(e -> e.id() == id && snapshot.queue(tenant, e.queue()).map(q -> mayRead(request, q))
                        .orElse(false));
        if (!ofMine) {
            throw ApiException.notFound("customer " + tenant + " has no missed call " + id + " of yours");
        }
        try {
            history.followUp(tenant, id, body.state(), request.caller().account().value(), clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field 'state': " + e.getMessage());
        }
        return HttpAnswer.empty(204);
    }

    private HttpAnswer statistics(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        Instant[] period = period(request);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", period[0].toString());
        doc.put("to", period[1].toString());
        doc.put("agents", history.agentStatistics(tenant, snapshot.users(tenant).stream().map(u -> u.id()).toList(),
                period[0], period[1]).stream().map(a -> {
                    Map<String, Object> agent = new LinkedHashMap<>();
                    agent.put("agent", a.agent().value());
                    agent.put("distributed", a.offered());
                    agent.put("answered", a.answered());
                    a.answerPercent().ifPresent(p -> agent.put("answerPercent", p));
                    agent.put("averageTalkSeconds", a.averageTalk().toMillis() / 1000.0);
                    agent.put("transferred", a.transferred());
                    agent.put("outgoing", a.outgoing());
                    return agent;
                }).toList());
        return HttpAnswer.json(200, doc);
    }

    /** Operators read the queues they belong to; the customer's admin and the operator's roles all. */
    private static boolean mayRead(ApiRequest request, Queue queue) {
        Caller caller = request.caller();
        return caller.role() != Role.OPERATOR || caller.user().map(queue.members()::contains).orElse(false);
    }

    private Instant[] period(ApiRequest request) {
        Instant to = request.query("to").map(t -> Fields.instant("to", t)).orElse(clock.instant().plusSeconds(1));
        Instant from = request.query("from").map(f -> Fields.instant("from", f)).orElse(to.minus(DEFAULT_PERIOD));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        return new Instant[] {from, to};
    }

    private static QueueName queueName(String text) {
        try {
            return QueueName.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("no queue '" + text + "'");
        }
    }

    private static Map<String, Object> entry(QueueCallEntry e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.id());
        doc.put("callId", e.callId());
        doc.put("queue", e.queue().value());
        e.caller().ifPresent(c -> doc.put("caller", c));
        doc.put("joined", e.joinedAt().toString());
        doc.put("vip", e.vip());
        e.overflowedFrom().ifPresent(q -> doc.put("overflowedFrom", q.value()));
        doc.put("outcome", e.outcome().orElse("waiting"));
        e.agent().ifPresent(a -> doc.put("answeredBy", a.value()));
        e.waited().ifPresent(w -> doc.put("waitSeconds", w.toMillis() / 1000.0));
        e.talked().ifPresent(t -> doc.put("talkSeconds", t.toMillis() / 1000.0));
        e.overflowTarget().ifPresent(t -> doc.put("overflowTo", t));
        e.transferredTo().ifPresent(t -> doc.put("transferredTo", t));
        e.followUp().ifPresent(f -> doc.put("followUp", f));
        e.followUpBy().ifPresent(b -> doc.put("followUpBy", b));
        e.followUpAt().ifPresent(a -> doc.put("followUpAt", a.toString()));
        return doc;
    }
}
