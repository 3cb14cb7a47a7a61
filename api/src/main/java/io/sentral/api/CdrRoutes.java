package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.billing.CdrExport;
import io.sentral.core.billing.RatedCall;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CDR export (R1, R2), rated by the tariff: {@code GET /api/customers/{tenant}/cdrs} for a
 * customer's contact person, {@code GET /api/cdrs} for every customer (NOC, system admin);
 * {@code ?from=&to=} (ISO-8601 instants; default: this month so far), {@code ?format=csv} for
 * CSV (RFC 4180), JSON otherwise.
 */
public final class CdrRoutes {

    /** Port: the rated calls started in [from, to), of one customer or all. */
    @FunctionalInterface
    public interface RatedCalls {
        List<RatedCall> rated(Optional<TenantId> tenant, Instant from, Instant to);
    }

    private final Supplier<TenantSnapshot> tenants;
    private final RatedCalls calls;
    private final Clock clock;

    public CdrRoutes(Supplier<TenantSnapshot> tenants, RatedCalls calls, Clock clock) {
        this.tenants = tenants;
        this.calls = calls;
        this.clock = clock;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/cdrs", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                                Role.SYSTEM_ADMIN),
                        "The customer's rated call records (?from=&to=, ?format=csv|json)",
                        r -> export(r, Optional.of(TenantScope.of(r, tenants.get())))),
                ApiRoute.of("GET", "/api/cdrs", EnumSet.of(Role.NOC, Role.SYSTEM_ADMIN),
                        "Every customer's rated call records (?from=&to=, ?format=csv|json)",
                        r -> export(r, Optional.empty())));
    }

    private HttpAnswer export(ApiRequest request, Optional<TenantId> tenant) {
        Instant now = clock.instant();
        Instant monthStart = now.atZone(ZoneOffset.UTC).withDayOfMonth(1).toLocalDate().atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant from = request.query("from").map(f -> Fields.instant("from", f)).orElse(monthStart);
        Instant to = request.query("to").map(t -> Fields.instant("to", t)).orElse(now.plusSeconds(1));
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("from (" + from + ") must be before to (" + to + ")");
        }
        String format = request.query("format").orElse("json");
        List<RatedCall> rated = calls.rated(tenant, from, to);
        return switch (format) {
            case "csv" -> HttpAnswer.text(200, "text/csv; charset=utf-8", CdrExport.csv(rated))
                    .withHeader("Content-Disposition", "attachment; filename=\"cdrs-"
                            + tenant.map(TenantId::value).orElse("all") + ".csv\"");
            case "json" -> HttpAnswer.json(200, CdrExport.json(rated));
            default -> throw ApiException.badRequest("format: '" + format + "' (expected csv or json)");
        };
    }

}
