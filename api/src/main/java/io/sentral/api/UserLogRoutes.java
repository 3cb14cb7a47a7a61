package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserCallEntry;
import io.sentral.core.switchboard.UserCallLog;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A user's own call log (S12): {@code GET /api/customers/{tenant}/users/{user}/calls?from=&to=} —
 * incoming and outgoing, the other party's number, name and address (a colleague from the
 * directory, anyone else from caller info, S11, within its time budget); answered or not; the
 * queue an incoming call came through, and for a callback the queue whose missed call it returned
 * (S18). Users and operators read their own log only; the contact person, the NOC and system
 * admins any user's. Lines are kept 30 days.
 */
public final class UserLogRoutes {
    private final Supplier<TenantSnapshot> tenants;
    private final UserCallLog log;
    private final BiFunction<TenantId, E164Number, CompletableFuture<CallerInfo>> callerInfo;
    private final Clock clock;

    public UserLogRoutes(Supplier<TenantSnapshot> tenants, UserCallLog log,
                         BiFunction<TenantId, E164Number, CompletableFuture<CallerInfo>> callerInfo, Clock clock) {
        this.tenants = tenants;
        this.log = log;
        this.callerInfo = callerInfo;
        this.clock = clock;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.of("GET", "/api/customers/{tenant}/users/{user}/calls", EnumSet.allOf(Role.class),
                "A user's own call log, newest first (?from=&to=, the last 30 days by default)", this::calls));
    }

    private HttpAnswer calls(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        User user = TenantScope.user(request, snapshot);
        Caller caller = request.caller();
        if ((caller.role() == Role.USER || caller.role() == Role.OPERATOR) && !caller.user().equals(Optional.of(user.id()))) {
            throw ApiException.forbidden("a " + caller.role().label() + " reads their own call log only");
        }
        Instant to = request.query("to").map(t -> Fields.instant("to", t)).orElse(clock.instant().plusSeconds(1));
        Instant from = request.query("from").map(f -> Fields.instant("from", f)).orElse(to.minus(Duration.ofDays(30)));
        List<UserCallEntry> entries = log.of(user.tenant(), user.id(), from, to);
        // every distinct number asked at once, so the whole log waits one time budget at most
        Map<String, CompletableFuture<CallerInfo>> who = new HashMap<>();
        entries.forEach(e -> e164(e.otherParty()).ifPresent(n -> who.computeIfAbsent(e.otherParty(),
                k -> callerInfo.apply(user.tenant(), n))));
        List<User> colleagues = snapshot.users(user.tenant());
        return HttpAnswer.json(200, entries.stream()
                .map(e -> line(e, colleagues, Optional.ofNullable(who.get(e.otherParty())).map(CompletableFuture::join)))
                .toList());
    }

    private static Map<String, Object> line(UserCallEntry e, List<User> colleagues, Optional<CallerInfo> info) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("callId", e.callId());
        doc.put("direction", e.incoming() ? "incoming" : "outgoing");
        doc.put("number", e.otherParty());
        Optional<String> colleague = colleagues.stream().filter(u -> u.extension().equals(e.otherParty())
                        || u.directNumber().map(n -> n.value().equals(e.otherParty())).orElse(false)
                        || u.mobile().map(n -> n.value().equals(e.otherParty())).orElse(false))
                .findFirst().map(u -> (u.firstName() + " " + u.lastName()).trim());
        colleague.or(() -> info.flatMap(CallerInfo::name)).ifPresent(name -> doc.put("name", name));
        info.flatMap(CallerInfo::address).ifPresent(address -> doc.put("address", address));
        doc.put("started", e.started().toString());
        doc.put("answered", e.answered());
        doc.put("talkSeconds", e.talked().toMillis() / 1000.0);
        e.queue().ifPresent(q -> doc.put(e.incoming() ? "queue" : "callbackFor", q.value()));
        return doc;
    }

    private static Optional<E164Number> e164(String number) {
        try {
            return Optional.of(E164Number.of(number));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
