package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.callerinfo.CallerInfo;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Caller info (S11): {@code GET /api/customers/{tenant}/caller-info/{number}} — the name and
 * address of an E.164 number from the customer's directory or the number lookup, answered within
 * the lookup's time budget ({@code source: unknown} when it was too slow).
 */
public final class CallerInfoRoutes {
    private final Supplier<TenantSnapshot> tenants;
    private final BiFunction<TenantId, E164Number, CompletableFuture<CallerInfo>> lookup;

    public CallerInfoRoutes(Supplier<TenantSnapshot> tenants,
                            BiFunction<TenantId, E164Number, CompletableFuture<CallerInfo>> lookup) {
        this.tenants = tenants;
        this.lookup = lookup;
    }

    public List<ApiRoute> routes() {
        return List.of(ApiRoute.of("GET", "/api/customers/{tenant}/caller-info/{number}", EnumSet.allOf(Role.class),
                "Who an E.164 number is: directory, then the number lookup, within its time budget", this::info));
    }

    private HttpAnswer info(ApiRequest request) {
        TenantId tenant = TenantScope.of(request, tenants.get());
        E164Number number;
        try {
            number = E164Number.of(request.path("number"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("number: " + e.getMessage());
        }
        CallerInfo info = lookup.apply(tenant, number).join();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("number", info.number().value());
        info.name().ifPresent(n -> doc.put("name", n));
        info.address().ifPresent(a -> doc.put("address", a));
        doc.put("source", info.source().name().toLowerCase(Locale.ROOT));
        return HttpAnswer.json(200, doc);
    }
}
