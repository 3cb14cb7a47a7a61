package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The operator's customers (N5, T3, T10, S13): create, change and remove a customer, its number
 * ranges, extra numbers (proven to be the customer's, so presentable as caller ID), switchboard main
 * number and queue history period. Only system admins change customers — numbers decide what a
 * customer may present and receive; the contact person and the NOC read. A change keeps
 * everything else of the customer (trunks keep their ranges, which must stay among its numbers)
 * and goes through the same provisioning as the YAML file: validated whole, live at once, audited.
 *
 * <pre>
 * GET    /api/customers
 * GET    /api/customers/{tenant}
 * PUT    /api/customers/{tenant}   {name, country, numbers[], extraNumbers[]?, mainNumber?, queueHistoryDays?}
 * DELETE /api/customers/{tenant}   409 while it has trunks, users, queues or accounts, unless ?force=true;
 *                                  its numbers stop routing, its accounts stop working; call records stay
 * </pre>
 */
public final class CustomerRoutes {
    private static final Set<Role> OPERATORS = EnumSet.of(Role.NOC, Role.SYSTEM_ADMIN);

    /** Removes a customer's provisioning, as {@code author}. */
    @FunctionalInterface
    public interface Removal {
        void remove(TenantId tenant, String author);
    }

    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;
    private final Removal removal;
    private final Consumer<AccountName> accountRemoved;

    /**
     * @param accountRemoved told of each web account that went with a removed customer (its API
     *                       tokens are revoked)
     */
    public CustomerRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning, Removal removal,
                          Consumer<AccountName> accountRemoved) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.removal = removal;
        this.accountRemoved = accountRemoved;
    }

    /** An extra number as written. */
    record ExtraNumberBody(String number, String description) {
        ExtraNumberBody {
            JsonBody.required(number, "extraNumbers[].number");
        }
    }

    /** A customer as written: left out on a change, numbers, extra numbers and the main number are kept. */
    record CustomerBody(String name, String country, List<String> numbers, List<ExtraNumberBody> extraNumbers,
                        String mainNumber, Integer queueHistoryDays) {
        CustomerBody {
            JsonBody.required(name, "name");
            JsonBody.required(country, "country");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers", OPERATORS, "Every customer, with its size", r -> list()),
                ApiRoute.of("GET", "/api/customers/{tenant}", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                        Role.SYSTEM_ADMIN), "A customer: numbers, extra numbers, main number, retention", this::one),
                ApiRoute.of("PUT", "/api/customers/{tenant}", EnumSet.of(Role.SYSTEM_ADMIN),
                        "Create or change a customer and its numbers; applies to routing at once", this::put),
                ApiRoute.of("DELETE", "/api/customers/{tenant}", EnumSet.of(Role.SYSTEM_ADMIN),
                        "Remove a customer: its numbers stop routing, its accounts stop working", this::delete));
    }

    private HttpAnswer list() {
        TenantSnapshot snapshot = tenants.get();
        return HttpAnswer.json(200, snapshot.customers().stream()
                .map(c -> snapshot.provisioning(c.id())).flatMap(Optional::stream).map(p -> {
                    Map<String, Object> doc = head(p.customer());
                    doc.put("numbers", p.numbers().stream().mapToLong(NumberRange::size).sum());
                    doc.put("trunks", p.trunks().size());
                    doc.put("users", p.users().size());
                    doc.put("queues", p.queues().size());
                    return doc;
                }).toList());
    }

    private HttpAnswer one(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        return HttpAnswer.json(200, describe(snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow()));
    }

    private HttpAnswer put(ApiRequest request) {
        TenantId tenant;
        try {
            tenant = TenantId.of(request.path("tenant"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("tenant: " + e.getMessage());
        }
        CustomerBody body = request.body(CustomerBody.class);
        Optional<CustomerProvisioning> existing = tenants.get().provisioning(tenant);
        Customer customer;
        try {
            customer = new Customer(tenant, body.name().trim(), Fields.constant(Country.class, "country",
                    body.country()), body.queueHistoryDays() == null
                    ? existing.map(p -> p.customer().queueHistoryDays()).orElse(Customer.DEFAULT_QUEUE_HISTORY_DAYS)
                    : body.queueHistoryDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().startsWith("queue history")
                    ? "field 'queueHistoryDays': " + e.getMessage() : e.getMessage());
        }
        if (existing.isEmpty() && body.numbers() == null) {
            throw ApiException.badRequest("field 'numbers': required for a new customer");
        }
        List<NumberRange> numbers = body.numbers() == null ? existing.orElseThrow().numbers()
                : body.numbers().stream().map(r -> Fields.range("numbers", r)).toList();
        List<ExtraNumber> extras = body.extraNumbers() == null
                ? existing.map(CustomerProvisioning::extraNumbers).orElse(List.of())
                : body.extraNumbers().stream().map(e -> new ExtraNumber(tenant,
                Fields.number("extraNumbers[].number", e.number()).orElseThrow(), e.description() == null ? ""
                : e.description().trim())).toList();
        Optional<E164Number> main = body.mainNumber() == null
                ? existing.flatMap(CustomerProvisioning::mainNumber) : Fields.number("mainNumber", body.mainNumber());
        CustomerProvisioning changed;
        try {
            List<RangeAssignment> ranges = RangeAssignment.partition(tenant, numbers,
                    existing.map(CustomerProvisioning::trunkRanges).orElse(Map.of()));
            changed = existing.isEmpty() ? CustomerProvisioning.of(customer, ranges, extras, main)
                    : existing.get().withCustomer(customer).withNumbers(ranges, extras, main);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        provisioning.apply(changed, request.caller().account().value());
        return HttpAnswer.json(existing.isPresent() ? 200 : 201, describe(changed));
    }

    private HttpAnswer delete(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        List<String> inUse = inUse(customer);
        if (!inUse.isEmpty() && !request.query("force").map("true"::equals).orElse(false)) {
            throw ApiException.conflict("customer " + customer.tenant() + " still has " + String.join(", ", inUse)
                    + "; remove them first, or DELETE with ?force=true to remove the customer with all of it");
        }
        removal.remove(customer.tenant(), request.caller().account().value());
        customer.webAccounts().stream().map(WebAccount::name).forEach(accountRemoved);
        return HttpAnswer.empty(204);
    }

    /** What a customer removal would take down with it. */
    private static List<String> inUse(CustomerProvisioning p) {
        List<String> parts = new java.util.ArrayList<>();
        count(parts, p.trunks().size(), "trunk");
        count(parts, p.users().size(), "user");
        count(parts, p.queues().size(), "queue");
        count(parts, p.webAccounts().size(), "web account");
        return parts;
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }

    private static Map<String, Object> head(Customer customer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", customer.id().value());
        doc.put("name", customer.name());
        doc.put("country", customer.country().name());
        doc.put("queueHistoryDays", customer.queueHistoryDays());
        return doc;
    }

    private static Map<String, Object> describe(CustomerProvisioning p) {
        Map<String, Object> doc = head(p.customer());
        doc.put("numbers", p.ranges().stream().map(r -> {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("range", r.range().size() == 1 ? r.range().first().value() : r.range().toString());
            r.trunk().ifPresent(t -> range.put("trunk", t.value()));
            return range;
        }).toList());
        doc.put("extraNumbers", p.extraNumbers().stream().map(e -> {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("number", e.number().value());
            extra.put("description", e.description());
            return extra;
        }).toList());
        p.mainNumber().ifPresent(n -> doc.put("mainNumber", n.value()));
        return doc;
    }
}
