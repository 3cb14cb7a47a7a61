package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.AbsenceStore;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The company directory with live status (S10) and users' absences (S6):
 *
 * <pre>
 * GET    /api/customers/{tenant}/directory?q=       name, department, extension or number contains q
 * GET    /api/customers/{tenant}/users/{user}/absences
 * POST   /api/customers/{tenant}/users/{user}/absences   {reason, until?, start?, forwardTo?}
 * DELETE /api/customers/{tenant}/users/{user}/absences   the user is back (manual absences end)
 * </pre>
 *
 * Status: {@code absent} (with reason and until) while an absence is in force, else {@code busy}
 * while the user is in a call as far as the switchboard knows, {@code offline} without a
 * registered device, else {@code free}.
 */
public final class DirectoryRoutes {
    private static final Set<Role> READERS = EnumSet.allOf(Role.class);
    private static final Set<Role> MARKERS = EnumSet.of(Role.USER, Role.OPERATOR, Role.CONTACT_PERSON,
            Role.SYSTEM_ADMIN);

    private final Supplier<TenantSnapshot> tenants;
    private final AbsenceStore absences;
    private final Predicate<User> online;
    private final Predicate<UserId> busy;
    private final Clock clock;

    /**
     * @param online whether one of the user's devices is registered
     * @param busy   whether the user is in a call now
     */
    public DirectoryRoutes(Supplier<TenantSnapshot> tenants, AbsenceStore absences, Predicate<User> online,
                           Predicate<UserId> busy, Clock clock) {
        this.tenants = tenants;
        this.absences = absences;
        this.online = online;
        this.busy = busy;
        this.clock = clock;
    }

    /** The body of a new absence: a reason; start (default now), until and forwardTo optional. */
    record NewAbsence(String reason, String start, String until, String forwardTo) {
        NewAbsence {
            JsonBody.required(reason, "reason");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/directory", READERS,
                        "Company directory with live status; ?q= searches name, department, extension, number",
                        this::directory),
                ApiRoute.of("GET", "/api/customers/{tenant}/users/{user}/absences", READERS,
                        "A user's absences, earliest first", this::absencesOf),
                ApiRoute.of("POST", "/api/customers/{tenant}/users/{user}/absences", MARKERS,
                        "Mark a user absent (reason, until, forwardTo); a user account marks itself only",
                        this::markAbsent),
                ApiRoute.of("DELETE", "/api/customers/{tenant}/users/{user}/absences", MARKERS,
                        "The user is back: manual absences end (calendar ones stay)", this::markBack));
    }

    private HttpAnswer directory(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        String q = request.query("q").orElse("").trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        return HttpAnswer.json(200, snapshot.users(tenant).stream().filter(u -> matches(u, q))
                .map(u -> entry(u, now)).toList());
    }

    private static boolean matches(User user, String q) {
        if (q.isEmpty()) {
            return true;
        }
        String digits = q.replaceAll("[^0-9]", "");
        return (user.firstName() + " " + user.lastName()).toLowerCase(Locale.ROOT).contains(q)
                || user.department().toLowerCase(Locale.ROOT).contains(q)
                || user.extension().equals(q)
                || !digits.isEmpty() && digits.length() >= 3 && (user.mobile().map(n -> n.value().contains(digits))
                .orElse(false) || user.directNumber().map(n -> n.value().contains(digits)).orElse(false));
    }

    private Map<String, Object> entry(User user, Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("user", user.id().value());
        doc.put("name", (user.firstName() + " " + user.lastName()).trim());
        doc.put("department", user.department());
        doc.put("extension", user.extension());
        user.directNumber().ifPresent(n -> doc.put("directNumber", n.value()));
        user.mobile().ifPresent(n -> doc.put("mobile", n.value()));
        doc.put("status", status(user, now));
        return doc;
    }

    private Map<String, Object> status(User user, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        Optional<Absence> absence = absences.absenceAt(user.id(), now);
        if (absence.isPresent()) {
            status.put("state", "absent");
            status.put("reason", absence.get().reason().label());
            absence.get().end().ifPresent(end -> status.put("until", end.toString()));
        } else if (busy.test(user.id())) {
            status.put("state", "busy");
        } else {
            status.put("state", online.test(user) ? "free" : "offline");
        }
        return status;
    }

    private HttpAnswer absencesOf(ApiRequest request) {
        User user = TenantScope.user(request, tenants.get());
        return HttpAnswer.json(200, absences.absencesOf(user.id()).stream().map(DirectoryRoutes::absence).toList());
    }

    private HttpAnswer markAbsent(ApiRequest request) {
        User user = TenantScope.user(request, tenants.get());
        TenantScope.requireSelfIfUser(request, user.id());
        NewAbsence body = request.body(NewAbsence.class);
        AbsenceReason reason;
        try {
            reason = AbsenceReason.fromLabel(body.reason());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field 'reason': " + e.getMessage());
        }
        Instant start = body.start() == null ? clock.instant() : Fields.instant("field 'start'", body.start());
        Optional<Instant> until = Optional.ofNullable(body.until()).map(u -> Fields.instant("field 'until'", u));
        Optional<E164Number> forwardTo = Optional.ofNullable(body.forwardTo()).map(n -> {
            try {
                return E164Number.of(n);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("field 'forwardTo': " + e.getMessage());
            }
        });
        Absence absence;
        try {
            absence = new Absence(user.id(), reason, start, until, forwardTo, Absence.Source.MANUAL);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field 'until': " + e.getMessage());
        }
        absences.add(absence);
        return HttpAnswer.json(201, absence(absence));
    }

    private HttpAnswer markBack(ApiRequest request) {
        User user = TenantScope.user(request, tenants.get());
        TenantScope.requireSelfIfUser(request, user.id());
        absences.clearManual(user.id());
        return HttpAnswer.empty(204);
    }

    private static Map<String, Object> absence(Absence a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reason", a.reason().label());
        doc.put("start", a.start().toString());
        a.end().ifPresent(e -> doc.put("until", e.toString()));
        a.forwardTo().ifPresent(n -> doc.put("forwardTo", n.value()));
        doc.put("source", a.source().name().toLowerCase(Locale.ROOT));
        return doc;
    }
}
