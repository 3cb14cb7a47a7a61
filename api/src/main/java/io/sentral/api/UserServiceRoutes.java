package io.sentral.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentral.core.account.Role;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.TenantSnapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Self-service of a user's call services (S1, S7, S9): the extra terminal, forwarding and the
 * presented number, with the same fields and rules as {@code PUT …/users/{user}}
 * ({@link UserServiceFields}); each left out is kept. Users and operators read and change their
 * own only (403 for a colleague, as for call logs); the contact person any user of the customer,
 * system admins all, the NOC reads. A change goes through the customer's provisioning, so it is
 * validated with the whole customer, applies to routing at once and is audited. The calendar feed
 * is not here: it is the contact person's (a URL the node fetches).
 *
 * <pre>
 * GET /api/customers/{tenant}/users/{user}/services
 * PUT /api/customers/{tenant}/users/{user}/services   {extraTerminal?, forwarding?, presentation?}
 * </pre>
 */
public final class UserServiceRoutes {
    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;

    public UserServiceRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning) {
        this.tenants = tenants;
        this.provisioning = provisioning;
    }

    /** The services as written; each left out is kept. */
    record ServicesBody(Boolean extraTerminal, UserServiceFields.ForwardingBody forwarding, JsonNode presentation) {
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/users/{user}/services", EnumSet.allOf(Role.class),
                        "A user's extra terminal, forwarding and presented number (users and operators: their own)",
                        this::get),
                ApiRoute.of("PUT", "/api/customers/{tenant}/users/{user}/services", EnumSet.of(Role.USER,
                        Role.OPERATOR, Role.CONTACT_PERSON, Role.SYSTEM_ADMIN),
                        "Change a user's extra terminal, forwarding or presented number; applies at once", this::put));
    }

    private HttpAnswer get(ApiRequest request) {
        return HttpAnswer.json(200, UserServiceFields.describe(ownUser(request, tenants.get())));
    }

    private HttpAnswer put(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        User user = ownUser(request, snapshot);
        ServicesBody body = request.body(ServicesBody.class);
        CustomerProvisioning customer = snapshot.provisioning(user.tenant()).orElseThrow();
        UserServiceFields services = new UserServiceFields(customer, user.id());
        User changed = new User(user.tenant(), user.id(), user.firstName(), user.lastName(), user.department(),
                user.extension(), user.sipCredentials(), user.mobile(), user.directNumber(),
                services.extraTerminal(body.extraTerminal(), user.extraTerminal(), user.mobile()),
                services.forwarding(body.forwarding(), user.forwarding()),
                services.presentation(body.presentation(), user.presentation(), user.mobile()), user.calendarFeed());
        List<User> users = new ArrayList<>(customer.users().stream().filter(u -> !u.id().equals(user.id())).toList());
        users.add(changed);
        provisioning.change(customer, c -> c.withUsers(users), request);
        return HttpAnswer.json(200, UserServiceFields.describe(changed));
    }

    /** The path's user, if the caller may act on them: users and operators only on their own. */
    private static User ownUser(ApiRequest request, TenantSnapshot snapshot) {
        User user = TenantScope.user(request, snapshot);
        Caller caller = request.caller();
        if ((caller.role() == Role.USER || caller.role() == Role.OPERATOR)
                && !caller.user().equals(Optional.of(user.id()))) {
            throw ApiException.forbidden("a " + caller.role().label() + " reads and changes their own services only");
        }
        return user;
    }
}
