package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A customer's web accounts (S17): its users, operators and contact persons, managed by the
 * contact person. Passwords are hashed on the way in and never read back; removing an account
 * ends its sessions and tokens on their next request.
 *
 * <pre>
 * GET    /api/customers/{tenant}/accounts
 * PUT    /api/customers/{tenant}/accounts/{account}   {role: user|operator|contact-person, password?, user?}
 * DELETE /api/customers/{tenant}/accounts/{account}
 * </pre>
 */
public final class AccountRoutes {
    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;
    private final Predicate<AccountName> takenElsewhere;
    private final java.util.function.Consumer<AccountName> removed;

    /**
     * @param takenElsewhere whether an account name belongs to the operator or to another customer
     * @param removed        told of a removed account, so that its API tokens go with it (a later
     *                       account of the same name must not inherit them)
     */
    public AccountRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning,
                         Predicate<AccountName> takenElsewhere, java.util.function.Consumer<AccountName> removed) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.takenElsewhere = takenElsewhere;
        this.removed = removed;
    }

    /** An account as written. */
    record AccountBody(String role, String password, String user) {
        AccountBody {
            JsonBody.required(role, "role");
            JsonBody.secret(password, "password");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/accounts", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                        Role.SYSTEM_ADMIN), "The customer's web accounts (never their passwords)", this::list),
                ApiRoute.of("PUT", "/api/customers/{tenant}/accounts/{account}", EnumSet.of(Role.CONTACT_PERSON,
                        Role.SYSTEM_ADMIN), "Create or change a web account of the customer", this::put),
                ApiRoute.of("DELETE", "/api/customers/{tenant}/accounts/{account}", EnumSet.of(Role.CONTACT_PERSON,
                        Role.SYSTEM_ADMIN), "Remove a web account: its sessions and tokens stop at once", this::delete));
    }

    private HttpAnswer list(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        CustomerProvisioning customer = snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow();
        return HttpAnswer.json(200, customer.webAccounts().stream().map(AccountRoutes::describe).toList());
    }

    private HttpAnswer put(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        AccountName name = Fields.accountName(request.path("account"));
        Optional<WebAccount> existing = customer.webAccounts().stream().filter(a -> a.name().equals(name)).findFirst();
        if (existing.isEmpty() && takenElsewhere.test(name)) {
            throw ApiException.conflict("account name '" + name.value() + "' is taken");
        }
        AccountBody body = request.body(AccountBody.class);
        WebAccount account;
        try {
            Role role = Enum.valueOf(Role.class, body.role().toUpperCase(Locale.ROOT).replace('-', '_'));
            if (!role.tenantScoped()) {
                throw new IllegalArgumentException("field 'role': " + body.role() + " belongs to the operator");
            }
            AccountSecret secret = body.password() != null ? new AccountSecret.Plain(body.password())
                    : existing.map(WebAccount::secret).orElseThrow(() -> new IllegalArgumentException(
                    "field 'password': required for a new account"));
            account = new WebAccount(name, Optional.of(tenant), role, secret,
                    Optional.ofNullable(body.user()).map(UserId::of));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().startsWith("No enum constant")
                    ? "field 'role': '" + body.role() + "' (expected one of: " + String.join(", ", Arrays.stream(
                    Role.values()).filter(Role::tenantScoped).map(Role::label).toList()) + ")" : e.getMessage());
        }
        List<WebAccount> accounts = new ArrayList<>(customer.webAccounts().stream()
                .filter(a -> !a.name().equals(name)).toList());
        accounts.add(account);
        provisioning.change(customer, c -> c.withWebAccounts(accounts), request);
        return HttpAnswer.json(existing.isPresent() ? 200 : 201, describe(account));
    }

    private HttpAnswer delete(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        AccountName name = Fields.accountName(request.path("account"));
        if (customer.webAccounts().stream().noneMatch(a -> a.name().equals(name))) {
            throw ApiException.notFound("customer " + tenant + " has no account '" + name.value() + "'");
        }
        if (request.caller().account().equals(name)) {
            throw ApiException.conflict("an account cannot remove itself");
        }
        provisioning.change(customer, c -> c.withWebAccounts(c.webAccounts().stream()
                .filter(a -> !a.name().equals(name)).toList()), request);
        removed.accept(name);
        return HttpAnswer.empty(204);
    }

    /** An account as the API shows it: never its password hash. */
    static Map<String, Object> describe(WebAccount a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("account", a.name().value());
        doc.put("role", a.role().label());
        a.user().ifPresent(u -> doc.put("user", u.value()));
        return doc;
    }
}
