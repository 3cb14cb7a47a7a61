package io.sentral.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentral.core.account.Role;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Provisioning of a customer's switchboard users (N5) with their call services (S1, S6, S7, S9;
 * {@link UserServiceFields}) and the emergency address coverage report (T6). A change goes through the same provisioning as the YAML file — the customer's whole data
 * is validated again and stored in one transaction — and applies to live routing at once.
 *
 * <pre>
 * GET    /api/customers/{tenant}/users
 * GET    /api/customers/{tenant}/users/{user}
 * PUT    /api/customers/{tenant}/users/{user}    create (201, sipPassword required) or replace (200)
 * DELETE /api/customers/{tenant}/users/{user}
 * GET    /api/customers/{tenant}/emergency-coverage
 * GET    /api/emergency-coverage                 every customer (the operator's roles)
 * </pre>
 */
public final class UserRoutes {
    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON, Role.NOC,
            Role.SYSTEM_ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);

    private final Supplier<TenantSnapshot> tenants;
    private final Provisioning provisioning;
    private final String realm;

    public UserRoutes(Supplier<TenantSnapshot> tenants, Provisioning provisioning, String realm) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.realm = realm;
    }

    /**
     * A user as written: every field but the SIP password is read back. The SIP password and the
     * services (extraTerminal, forwarding, presentation, calendarFeed) are kept when left out.
     */
    record UserBody(String firstName, String lastName, String department, String extension, String sipPassword,
                    String mobile, String directNumber, Boolean extraTerminal,
                    UserServiceFields.ForwardingBody forwarding, JsonNode presentation, String calendarFeed) {
        UserBody {
            JsonBody.required(extension, "extension");
            if ((firstName == null || firstName.isBlank()) && (lastName == null || lastName.isBlank())) {
                throw new IllegalArgumentException("field 'firstName': a user needs a first or last name");
            }
            JsonBody.secret(sipPassword, "sipPassword");
        }
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/customers/{tenant}/users", READERS, "The customer's users", this::list),
                ApiRoute.of("GET", "/api/customers/{tenant}/users/{user}", READERS, "One user", this::one),
                ApiRoute.of("PUT", "/api/customers/{tenant}/users/{user}", EDITORS,
                        "Create or replace a user; applies to routing at once", this::put),
                ApiRoute.of("DELETE", "/api/customers/{tenant}/users/{user}", EDITORS,
                        "Remove a user (refused while a queue still lists them)", this::delete),
                ApiRoute.of("GET", "/api/customers/{tenant}/emergency-coverage",
                        EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN),
                        "The customer's numbers without a registered emergency address", this::coverage),
                ApiRoute.of("GET", "/api/emergency-coverage", EnumSet.of(Role.NOC, Role.SYSTEM_ADMIN),
                        "Numbers without a registered emergency address, per customer", r -> overall()));
    }

    private HttpAnswer list(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        return HttpAnswer.json(200, snapshot.users(tenant).stream().map(UserRoutes::describe).toList());
    }

    private HttpAnswer one(ApiRequest request) {
        return HttpAnswer.json(200, describe(TenantScope.user(request, tenants.get())));
    }

    private HttpAnswer put(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        TenantId tenant = TenantScope.of(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(tenant).orElseThrow();
        UserId id = userId(request.path("user"));
        UserBody body = request.body(UserBody.class);
        Optional<User> existing = customer.users().stream().filter(u -> u.id().equals(id)).findFirst();
        DigestCredentials credentials = body.sipPassword() != null
                ? DigestCredentials.fromPassword(id.value(), realm, body.sipPassword())
                : existing.map(User::sipCredentials).orElseThrow(() -> ApiException.badRequest(
                "field 'sipPassword': required for a new user"));
        Optional<E164Number> mobile = Fields.number("mobile", body.mobile());
        UserServiceFields services = new UserServiceFields(customer, id);
        boolean extraTerminal = services.extraTerminal(body.extraTerminal(),
                existing.map(User::extraTerminal).orElse(false), mobile);
        Forwarding forwarding = services.forwarding(body.forwarding(),
                existing.map(User::forwarding).orElse(Forwarding.NONE));
        Presentation presentation = services.presentation(body.presentation(),
                existing.map(User::presentation).orElse(Presentation.DEFAULT), mobile);
        Optional<URI> feed = UserServiceFields.calendarFeed(body.calendarFeed(), existing.flatMap(User::calendarFeed));
        // a file URL names a file on the node's own disk: the operator's business, not a customer's
        if (!feed.equals(existing.flatMap(User::calendarFeed)) && request.caller().role().tenantScoped()
                && feed.map(f -> f.getScheme().equalsIgnoreCase("file")).orElse(false)) {
            throw ApiException.forbidden("field 'calendarFeed': only the operator's accounts set a file URL");
        }
        User user;
        try {
            user = new User(tenant, id, text(body.firstName()), text(body.lastName()), text(body.department()),
                    body.extension(), credentials, mobile, Fields.number("directNumber", body.directNumber()),
                    extraTerminal, forwarding, presentation, feed);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<User> users = new ArrayList<>(customer.users().stream().filter(u -> !u.id().equals(id)).toList());
        users.add(user);
        provisioning.change(customer, c -> c.withUsers(users), request);
        return HttpAnswer.json(existing.isPresent() ? 200 : 201, describe(user));
    }

    private HttpAnswer delete(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        User user = TenantScope.user(request, snapshot);
        CustomerProvisioning customer = snapshot.provisioning(user.tenant()).orElseThrow();
        provisioning.change(customer, c -> c.withUsers(c.users().stream().filter(u -> !u.id().equals(user.id())).toList()),
                request);
        return HttpAnswer.empty(204);
    }

    private HttpAnswer coverage(ApiRequest request) {
        TenantSnapshot snapshot = tenants.get();
        return HttpAnswer.json(200, coverageOf(snapshot.provisioning(TenantScope.of(request, snapshot)).orElseThrow()));
    }

    private HttpAnswer overall() {
        return HttpAnswer.json(200, tenants.get().customers().stream()
                .map(c -> tenants.get().provisioning(c.id())).flatMap(Optional::stream)
                .map(UserRoutes::coverageOf).toList());
    }

    private static Map<String, Object> coverageOf(CustomerProvisioning customer) {
        List<NumberRange> covered = customer.emergencyAddresses().stream().map(EmergencyAddressAssignment::range)
                .toList();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant", customer.tenant().value());
        doc.put("numbers", customer.numbers().stream().mapToLong(NumberRange::size).sum());
        doc.put("withoutAddress", customer.numbersWithoutEmergencyAddress());
        doc.put("ranges", customer.numbers().stream().flatMap(r -> r.minus(covered).stream())
                .map(r -> r.size() == 1 ? r.first().value() : r.toString()).toList());
        return doc;
    }

    private static UserId userId(String text) {
        try {
            return UserId.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("user: " + e.getMessage());
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    static Map<String, Object> describe(User user) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("user", user.id().value());
        doc.put("firstName", user.firstName());
        doc.put("lastName", user.lastName());
        doc.put("department", user.department());
        doc.put("extension", user.extension());
        user.mobile().ifPresent(n -> doc.put("mobile", n.value()));
        user.directNumber().ifPresent(n -> doc.put("directNumber", n.value()));
        doc.putAll(UserServiceFields.describe(user));
        user.calendarFeed().ifPresent(feed -> doc.put("calendarFeed", feed.toString()));
        return doc;
    }
}
