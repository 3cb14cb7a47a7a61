package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The operator's own web accounts (S17): NOC engineers and system admins, the API's side of the
 * YAML file's {@code accounts}. System admins manage them, the NOC reads the list. Passwords are
 * hashed on the way in and never read back; there is always a system admin left (409); a removed
 * account's sessions and tokens stop on their next request.
 *
 * <pre>
 * GET    /api/accounts
 * PUT    /api/accounts/{account}   {role: noc|system-admin, password?}   create (201) or replace (200)
 * DELETE /api/accounts/{account}
 * </pre>
 */
public final class OperatorAccountRoutes {
    private static final List<Role> ROLES = List.of(Role.NOC, Role.SYSTEM_ADMIN);

    private final OperatorAccounts accounts;

    public OperatorAccountRoutes(OperatorAccounts accounts) {
        this.accounts = accounts;
    }

    /** An operator account as written. */
    record AccountBody(String role, String password) {
        AccountBody {
            JsonBody.required(role, "role");
            JsonBody.secret(password, "password");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/accounts", EnumSet.of(Role.NOC, Role.SYSTEM_ADMIN),
                        "The operator's own web accounts (never their passwords)", r -> list()),
                ApiRoute.of("PUT", "/api/accounts/{account}", EnumSet.of(Role.SYSTEM_ADMIN),
                        "Create or change an operator account (noc, system-admin)", this::put),
                ApiRoute.of("DELETE", "/api/accounts/{account}", EnumSet.of(Role.SYSTEM_ADMIN),
                        "Remove an operator account: its sessions and tokens stop at once", this::delete));
    }

    private HttpAnswer list() {
        return HttpAnswer.json(200, accounts.list().stream().map(AccountRoutes::describe).toList());
    }

    private HttpAnswer put(ApiRequest request) {
        AccountName name = Fields.accountName(request.path("account"));
        AccountBody body = request.body(AccountBody.class);
        Role role = ROLES.stream().filter(r -> r.label().equals(body.role())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("field 'role': '" + body.role() + "' (expected one of: "
                        + String.join(", ", ROLES.stream().map(Role::label).toList()) + ")"));
        Optional<WebAccount> existing = accounts.find(name);
        if (existing.flatMap(WebAccount::tenant).isPresent()) {
            throw ApiException.conflict("account name '" + name.value() + "' is taken");
        }
        AccountSecret secret = body.password() != null ? new AccountSecret.Plain(body.password())
                : existing.map(WebAccount::secret).orElseThrow(() -> ApiException.badRequest(
                "field 'password': required for a new account"));
        WebAccount account = new WebAccount(name, Optional.empty(), role, secret, Optional.empty());
        accounts.put(account);
        return HttpAnswer.json(existing.isPresent() ? 200 : 201, AccountRoutes.describe(account));
    }

    private HttpAnswer delete(ApiRequest request) {
        AccountName name = Fields.accountName(request.path("account"));
        if (!accounts.remove(name)) {
            throw ApiException.notFound("there is no operator account '" + name.value() + "'");
        }
        return HttpAnswer.empty(204);
    }
}
