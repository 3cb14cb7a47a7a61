package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A customer's SIP trunks (T2: credentials, trusted addresses, caller-ID policy, channel and CPS
 * limits) and its call policy (T8: barring, monthly cost limit), through the same provisioning as
 * the YAML file, live at once. Trunk secrets are written, never read back.
 *
 * <pre>
 * GET    /api/customers/{tenant}/trunks
 * PUT    /api/customers/{tenant}/trunks/{trunk}   {kind, username?, password?, trustedSources[], endpoint?,
 *                                                 defaultNumber, callerIdPolicy, maxChannels, maxCallsPerSecond,
 *                                                 numbers[]? (kept when left out; none for a new trunk)}
 * DELETE /api/customers/{tenant}/trunks/{trunk}
 * GET    /api/customers/{tenant}/policy
 * PUT    /api/customers/{tenant}/policy           {barring: [...], monthlyCostLimit?}
 * </pre>
 */
public final class TrunkRoutes {
    private static final Set<Role> READERS = EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);

    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;
    private final String realm;

    public TrunkRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning, String realm) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.realm = realm;
    }

    /** A trunk as written. */
    record TrunkBody(String kind, String username, String password, List<String> trustedSources, String endpoint,
                     String defaultNumber, String callerIdPolicy, Integer maxChannels, Integer maxCallsPerSecond,
                     List<String> numbers) {
        TrunkBody {
            JsonBody.required(kind, "kind");
            JsonBody.required(defaultNumber, "defaultNumber");
            JsonBody.required(callerIdPolicy, "callerIdPolicy");
        }
    }

    /** The call policy as written. */
    record PolicyBody(List<String> barring, BigDecimal monthlyCostLimit) {
        PolicyBody {
            JsonBody.required(barring, "barring");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/trunks", READERS, "The customer's trunks (no secrets)",
                        this::list),
                ApiRoute.of("PUT", "/api/customers/{tenant}/trunks/{trunk}", EDITORS,
                        "Create or replace a trunk; applies at once", this::put),
                ApiRoute.of("DELETE", "/api/customers/{tenant}/trunks/{trunk}", EDITORS,
                        "Remove a trunk (refused while number ranges are assigned to it)", this::delete),
                ApiRoute.of("GET", "/api/customers/{tenant}/policy", READERS, "Barring and monthly cost limit",
                        this::policy),
                ApiRoute.of("PUT", "/api/customers/{tenant}/policy", EDITORS,
                        "Replace barring and monthly cost limit", this::putPolicy));
    }

    private HttpAnswer list(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        Map<TrunkId, List<NumberRange>> onTrunks = customer.trunkRanges();
        return HttpAnswer.json(200, customer.trunks().stream()
                .map(t -> describe(t, onTrunks.getOrDefault(t.id(), List.of()))).toList());
    }

    private HttpAnswer put(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        TrunkId id = trunkId(request.path("trunk"));
        TrunkBody body = request.body(TrunkBody.class);
        Optional<Trunk> other = snapshot.trunk(id).filter(t -> !t.tenant().equals(tenant));
        if (other.isPresent()) {
            throw ApiException.conflict("trunk id '" + id + "' is taken");
        }
        Optional<Trunk> existing = customer.trunks().stream().filter(t -> t.id().equals(id)).findFirst();
        Trunk trunk;
        try {
            TrunkKind kind = Fields.constant(TrunkKind.class, "kind", body.kind());
            Optional<DigestCredentials> credentials = body.password() != null
                    ? Optional.of(DigestCredentials.fromPassword(body.username() == null ? id.value() : body.username(),
                    realm, password(body.password())))
                    : existing.flatMap(Trunk::credentials);
            trunk = new Trunk(id, tenant, kind, kind == TrunkKind.REGISTRATION ? credentials : Optional.empty(),
                    body.trustedSources() == null ? List.of()
                            : body.trustedSources().stream().map(IpRange::parse).toList(),
                    Optional.ofNullable(body.endpoint()).map(SipEndpoint::parse),
                    E164Number.of(body.defaultNumber()),
                    Fields.constant(CallerIdPolicy.class, "callerIdPolicy", body.callerIdPolicy()),
                    body.maxChannels() == null ? 0 : body.maxChannels(),
                    body.maxCallsPerSecond() == null ? 0 : body.maxCallsPerSecond());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Trunk> trunks = new ArrayList<>(customer.trunks().stream().filter(t -> !t.id().equals(id)).toList());
        trunks.add(trunk);
        Map<TrunkId, List<NumberRange>> onTrunks = new LinkedHashMap<>(customer.trunkRanges());
        if (body.numbers() != null) {
            onTrunks.put(id, body.numbers().stream().map(r -> Fields.range("numbers", r)).toList());
        }
        provisioning.change(customer, c -> c.withTrunks(trunks).withNumbers(RangeAssignment.partition(tenant,
                c.numbers(), onTrunks), c.extraNumbers(), c.mainNumber()), request);
        return HttpAnswer.json(existing.isPresent() ? 200 : 201,
                describe(trunk, onTrunks.getOrDefault(id, List.of())));
    }

    private HttpAnswer delete(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        TrunkId id = trunkId(request.path("trunk"));
        if (customer.trunks().stream().noneMatch(t -> t.id().equals(id))) {
            throw ApiException.notFound("customer " + tenant + " has no trunk '" + id + "'");
        }
        Map<TrunkId, List<NumberRange>> onTrunks = new LinkedHashMap<>(customer.trunkRanges());
        onTrunks.remove(id);
        // its numbers stay the customer's, on no trunk (the switchboard's, if anything)
        provisioning.change(customer, c -> c.withNumbers(RangeAssignment.partition(tenant, c.numbers(), onTrunks),
                c.extraNumbers(), c.mainNumber()).withTrunks(c.trunks().stream().filter(t -> !t.id().equals(id))
                .toList()), request);
        return HttpAnswer.empty(204);
    }

    private HttpAnswer policy(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("barring", customer.barrings().stream().map(Fields::kebab).sorted().toList());
        customer.monthlyCostLimit().ifPresent(l -> doc.put("monthlyCostLimit", l));
        return HttpAnswer.json(200, doc);
    }

    private HttpAnswer putPolicy(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        PolicyBody body = request.body(PolicyBody.class);
        Set<BarringClass> barring;
        try {
            barring = Set.copyOf(body.barring().stream().map(b -> Fields.constant(BarringClass.class, "barring", b))
                    .toList());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        provisioning.change(snapshot.provisioning(tenant).orElseThrow(), c -> c.withBarrings(barring)
                .withMonthlyCostLimit(Optional.ofNullable(body.monthlyCostLimit())), request);
        return policy(request);
    }

    private static String password(String password) {
        return JsonBody.secret(password, "password");
    }

    private static TrunkId trunkId(String text) {
        try {
            return TrunkId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("trunk: " + e.getMessage());
        }
    }

    private static Map<String, Object> describe(Trunk t, List<NumberRange> numbers) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("trunk", t.id().value());
        doc.put("numbers", numbers.stream().map(r -> r.size() == 1 ? r.first().value() : r.toString()).toList());
        doc.put("kind", Fields.kebab(t.kind()));
        t.credentials().ifPresent(c -> doc.put("username", c.username()));
        doc.put("trustedSources", t.trustedSources().stream().map(Object::toString).toList());
        t.staticEndpoint().ifPresent(e -> doc.put("endpoint", e.host() + ":" + e.port()));
        doc.put("defaultNumber", t.defaultNumber().value());
        doc.put("callerIdPolicy", Fields.kebab(t.callerIdPolicy()));
        doc.put("maxChannels", t.maxChannels());
        doc.put("maxCallsPerSecond", t.maxCallsPerSecond());
        return doc;
    }
}
