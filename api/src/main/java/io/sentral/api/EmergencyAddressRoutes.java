package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.emergency.EmergencyAddressVersion;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A customer's emergency addresses (T6, N5) — the street address registered for each range of its
 * numbers, with the history of every change — and its VIP list (S4). A change replaces the whole
 * list, goes through the same provisioning as the YAML file and is live at once; the history keeps
 * who changed what when.
 *
 * <pre>
 * GET /api/customers/{tenant}/emergency-addresses            current assignments and the numbers without one
 * PUT /api/customers/{tenant}/emergency-addresses            [{range, street, houseNumber, postcode, town, country, floor?, room?}]
 * GET /api/customers/{tenant}/emergency-addresses/history
 * GET /api/customers/{tenant}/vip-list
 * PUT /api/customers/{tenant}/vip-list                       [{number, description?}]
 * </pre>
 */
public final class EmergencyAddressRoutes {
    private static final Set<Role> READERS = EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);

    private final Supplier<TenantSnapshot> tenants;
    private final EmergencyAddressStore addresses;
    private final Provisioning provisioning;

    public EmergencyAddressRoutes(Supplier<TenantSnapshot> tenants, EmergencyAddressStore addresses,
                                  Provisioning provisioning) {
        this.tenants = tenants;
        this.addresses = addresses;
        this.provisioning = provisioning;
    }

    /** One assignment as written. */
    record AddressBody(String range, String street, String houseNumber, String postcode, String town, String country,
                       String floor, String room) {
        AddressBody {
            JsonBody.required(range, "range");
            JsonBody.required(street, "street");
            JsonBody.required(postcode, "postcode");
            JsonBody.required(town, "town");
            JsonBody.required(country, "country");
        }
    }

    /** One VIP as written. */
    record VipBody(String number, String description) {
        VipBody {
            JsonBody.required(number, "number");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/emergency-addresses", READERS,
                        "Emergency addresses by number range, and the numbers without one", this::current),
                ApiRoute.of("PUT", "/api/customers/{tenant}/emergency-addresses", EDITORS,
                        "Replace the emergency addresses (every change is kept in the history)", this::replace),
                ApiRoute.of("GET", "/api/customers/{tenant}/emergency-addresses/history", READERS,
                        "Every emergency address the customer has had: from, to, changed by", this::history),
                ApiRoute.of("GET", "/api/customers/{tenant}/vip-list", EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON,
                        Role.NOC, Role.SYSTEM_ADMIN), "The VIP callers, answered first in every queue", this::vips),
                ApiRoute.of("PUT", "/api/customers/{tenant}/vip-list", EDITORS, "Replace the VIP list",
                        this::replaceVips));
    }

    private HttpAnswer current(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("addresses", customer.emergencyAddresses().stream().map(a -> address(a.range(), a.address())).toList());
        doc.put("numbersWithoutAddress", addresses.numbersWithoutAddress(customer.tenant()).stream()
                .map(NumberRange::toString).toList());
        return HttpAnswer.json(200, doc);
    }

    private HttpAnswer replace(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        AddressBody[] body = request.body(AddressBody[].class);
        List<EmergencyAddressAssignment> assignments = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            AddressBody a = body[i];
            try {
                assignments.add(new EmergencyAddressAssignment(tenant, NumberRange.parse(a.range()),
                        new CivicAddress(a.street(), a.houseNumber() == null ? "" : a.houseNumber(), a.postcode(),
                                a.town(), country(a.country()), Optional.ofNullable(a.floor()),
                                Optional.ofNullable(a.room()))));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("[" + i + "]: " + e.getMessage());
            }
        }
        provisioning.change(snapshot.provisioning(tenant).orElseThrow(), c -> c.withEmergencyAddresses(assignments), request);
        return current(request);
    }

    private static io.sentral.core.number.Country country(String code) {
        try {
            return io.sentral.core.number.Country.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("country: '" + code + "' (expected one of: "
                    + java.util.Arrays.toString(io.sentral.core.number.Country.values()) + ")");
        }
    }

    private HttpAnswer history(ApiRequest request) {
        TenantId tenant = TenantScope.of(request, tenants.get());
        return HttpAnswer.json(200, addresses.history(tenant).stream().map(EmergencyAddressRoutes::version).toList());
    }

    private HttpAnswer vips(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        return HttpAnswer.json(200, customer.vipList().stream().map(v -> Map.of("number", v.number().value(),
                "description", v.description())).toList());
    }

    private HttpAnswer replaceVips(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        VipBody[] body = request.body(VipBody[].class);
        List<VipEntry> vips = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            try {
                vips.add(new VipEntry(tenant, E164Number.of(body[i].number()),
                        body[i].description() == null ? "" : body[i].description()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("[" + i + "].number: " + e.getMessage());
            }
        }
        provisioning.change(snapshot.provisioning(tenant).orElseThrow(), c -> c.withVipList(vips), request);
        return vips(request);
    }

    private static Map<String, Object> address(NumberRange range, CivicAddress a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("range", range.toString());
        doc.put("street", a.street());
        doc.put("houseNumber", a.houseNumber());
        doc.put("postcode", a.postcode());
        doc.put("town", a.town());
        doc.put("country", a.country().name());
        a.floor().ifPresent(f -> doc.put("floor", f));
        a.room().ifPresent(r -> doc.put("room", r));
        return doc;
    }

    private static Map<String, Object> version(EmergencyAddressVersion v) {
        Map<String, Object> doc = address(v.assignment().range(), v.assignment().address());
        doc.put("validFrom", v.validFrom().toString());
        v.validTo().ifPresent(t -> doc.put("validTo", t.toString()));
        doc.put("changedBy", v.changedBy());
        v.endedBy().ifPresent(e -> doc.put("endedBy", e));
        return doc;
    }
}
