package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.api.ApiRoute;
import io.sentral.app.web.Http;
import io.sentral.config.ConfigLoader;
import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S17: every API route × every role × own and other customer, over real HTTP with the demo's
 * accounts (and a user-role account for Carol). The designed access of each route is written out
 * below; a route that is served but not in the table, or whose roles differ from it, fails the
 * test — so no endpoint is left out and no change of access goes unnoticed.
 */
class AuthorizationMatrixTest {
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> OPERATORS_OWN = EnumSet.of(Role.NOC, Role.SYSTEM_ADMIN);
    private static final Set<Role> MARKERS = EnumSet.of(Role.USER, Role.OPERATOR, Role.CONTACT_PERSON,
            Role.SYSTEM_ADMIN);
    private static final Set<Role> READERS = EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON, Role.NOC,
            Role.SYSTEM_ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);
    private static final Set<Role> HANDLERS = EnumSet.of(Role.OPERATOR, Role.CONTACT_PERSON, Role.SYSTEM_ADMIN);
    /** Open routes (anyone, signed in or not) are listed with no roles. */
    private static final Map<String, Set<Role>> DESIGNED = new LinkedHashMap<>();

    static {
        DESIGNED.put("POST /api/session", Set.of());
        DESIGNED.put("GET /api/openapi.json", Set.of());
        DESIGNED.put("GET /api/session", ALL);
        DESIGNED.put("DELETE /api/session", ALL);
        DESIGNED.put("POST /api/tokens", ALL);
        DESIGNED.put("GET /api/tokens", ALL);
        DESIGNED.put("DELETE /api/tokens/{id}", ALL);
        DESIGNED.put("GET /api/audit", EnumSet.of(Role.SYSTEM_ADMIN, Role.NOC, Role.CONTACT_PERSON));
        DESIGNED.put("GET /api/traces", OPERATORS_OWN);
        DESIGNED.put("PUT /api/traces/trunks/{trunk}", OPERATORS_OWN);
        DESIGNED.put("DELETE /api/traces/trunks/{trunk}", OPERATORS_OWN);
        DESIGNED.put("PUT /api/traces/numbers/{number}", OPERATORS_OWN);
        DESIGNED.put("DELETE /api/traces/numbers/{number}", OPERATORS_OWN);
        DESIGNED.put("GET /api/traces/calls/{callId}", OPERATORS_OWN);
        DESIGNED.put("GET /api/customers/{tenant}/directory", ALL);
        DESIGNED.put("GET /api/customers/{tenant}/users/{user}/absences", ALL);
        DESIGNED.put("POST /api/customers/{tenant}/users/{user}/absences", MARKERS);
        DESIGNED.put("DELETE /api/customers/{tenant}/users/{user}/absences", MARKERS);
        DESIGNED.put("GET /api/customers/{tenant}/users", READERS);
        DESIGNED.put("GET /api/customers/{tenant}/users/{user}", READERS);
        DESIGNED.put("PUT /api/customers/{tenant}/users/{user}", EDITORS);
        DESIGNED.put("DELETE /api/customers/{tenant}/users/{user}", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/users/{user}/services", ALL);
        DESIGNED.put("PUT /api/customers/{tenant}/users/{user}/services", MARKERS);
        DESIGNED.put("GET /api/customers/{tenant}/emergency-coverage",
                EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("GET /api/emergency-coverage", OPERATORS_OWN);
        DESIGNED.put("GET /api/customers/{tenant}/queues/{queue}/calls", READERS);
        DESIGNED.put("GET /api/customers/{tenant}/missed-calls", READERS);
        DESIGNED.put("PUT /api/customers/{tenant}/missed-calls/{id}", HANDLERS);
        DESIGNED.put("GET /api/customers/{tenant}/users/{user}/calls", ALL);
        DESIGNED.put("GET /api/customers/{tenant}/statistics", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                Role.SYSTEM_ADMIN));
        DESIGNED.put("GET /api/customers/{tenant}/cdrs", EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("GET /api/cdrs", OPERATORS_OWN);
        DESIGNED.put("GET /api/customers/{tenant}/caller-info/{number}", ALL);
        DESIGNED.put("GET /api/customers/{tenant}/emergency-addresses", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                Role.SYSTEM_ADMIN));
        DESIGNED.put("PUT /api/customers/{tenant}/emergency-addresses", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/emergency-addresses/history", EnumSet.of(Role.CONTACT_PERSON,
                Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("GET /api/customers/{tenant}/vip-list", READERS);
        DESIGNED.put("PUT /api/customers/{tenant}/vip-list", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/queues", READERS);
        DESIGNED.put("PUT /api/customers/{tenant}/queues/{queue}", EDITORS);
        DESIGNED.put("DELETE /api/customers/{tenant}/queues/{queue}", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/trunks", EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("PUT /api/customers/{tenant}/trunks/{trunk}", EDITORS);
        DESIGNED.put("DELETE /api/customers/{tenant}/trunks/{trunk}", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/policy", EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("PUT /api/customers/{tenant}/policy", EDITORS);
        DESIGNED.put("GET /api/customers/{tenant}/accounts", EnumSet.of(Role.CONTACT_PERSON, Role.NOC,
                Role.SYSTEM_ADMIN));
        DESIGNED.put("PUT /api/customers/{tenant}/accounts/{account}", EDITORS);
        DESIGNED.put("DELETE /api/customers/{tenant}/accounts/{account}", EDITORS);
        DESIGNED.put("GET /api/customers", OPERATORS_OWN);
        DESIGNED.put("GET /api/customers/{tenant}", EnumSet.of(Role.CONTACT_PERSON, Role.NOC, Role.SYSTEM_ADMIN));
        DESIGNED.put("PUT /api/customers/{tenant}", EnumSet.of(Role.SYSTEM_ADMIN));
        DESIGNED.put("DELETE /api/customers/{tenant}", EnumSet.of(Role.SYSTEM_ADMIN));
        DESIGNED.put("GET /api/accounts", OPERATORS_OWN);
        DESIGNED.put("PUT /api/accounts/{account}", EnumSet.of(Role.SYSTEM_ADMIN));
        DESIGNED.put("DELETE /api/accounts/{account}", EnumSet.of(Role.SYSTEM_ADMIN));
    }

    /**
     * Routes on which these roles act on their own switchboard user only: the probes use Carol's
     * user, so every other account of those roles is refused (403).
     */
    private static final Map<String, Set<Role>> SELF_ONLY = Map.of(
            "POST /api/customers/{tenant}/users/{user}/absences", EnumSet.of(Role.USER),
            "DELETE /api/customers/{tenant}/users/{user}/absences", EnumSet.of(Role.USER),
            "GET /api/customers/{tenant}/users/{user}/calls", EnumSet.of(Role.USER, Role.OPERATOR),
            "GET /api/customers/{tenant}/users/{user}/services", EnumSet.of(Role.USER, Role.OPERATOR),
            "PUT /api/customers/{tenant}/users/{user}/services", EnumSet.of(Role.USER, Role.OPERATOR));

    /** A valid body for each route that takes one (BadInputMatrixTest spoils them). */
    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("PUT /api/customers/{tenant}", "{\"name\":\"Matrix AS\",\"country\":\"NO\"}"),
            Map.entry("PUT /api/customers/{tenant}/users/{user}/services",
                    "{\"presentation\":\"own\",\"forwarding\":{\"busy\":{\"queue\":\"Support\"}}}"),
            Map.entry("PUT /api/accounts/{account}",
                    "{\"role\":\"noc\",\"password\":\"matrix-op-secret\"}"),
            Map.entry("PUT /api/customers/{tenant}/accounts/{account}",
                    "{\"role\":\"user\",\"password\":\"matrix-web-secret\"}"),
            Map.entry("PUT /api/customers/{tenant}/policy",
                    "{\"barring\":[]}"),
            Map.entry("PUT /api/customers/{tenant}/trunks/{trunk}",
                    "{\"kind\":\"registration\","
                    + "\"password\":\"matrix-secret\",\"defaultNumber\":\"+4723450000\",\"callerIdPolicy\":\"reject\"}"),
            Map.entry("PUT /api/customers/{tenant}/queues/{queue}",
                    "{\"number\":\"+4723450000\",\"members\":[\"alice\","
                    + "\"bob\"],\"strategy\":\"longest-idle\",\"ringTimeoutSeconds\":15,\"wrapUpSeconds\":5,"
                    + "\"maxWaitSeconds\":60,\"maxWaiting\":20,\"overflow\":{\"queue\":\"Support\"}}"),
            Map.entry("PUT /api/customers/{tenant}/emergency-addresses",
                    "[{\"range\":\"+4723450000-+4723450199\","
                    + "\"street\":\"Kaigaten\",\"houseNumber\":\"5\",\"postcode\":\"5015\",\"town\":\"Bergen\","
                    + "\"country\":\"NO\"}]"),
            Map.entry("PUT /api/customers/{tenant}/vip-list",
                    "[{\"number\":\"+4790000001\",\"description\":\"VIP\"}]"),
            Map.entry("PUT /api/customers/{tenant}/missed-calls/{id}",
                    "{\"state\":\"handled\"}"),
            Map.entry("PUT /api/customers/{tenant}/users/{user}",
                    "{\"firstName\":\"Carol\",\"lastName\":\"Berg\","
                    + "\"department\":\"Support\",\"extension\":\"103\",\"mobile\":\"+4791000103\","
                    + "\"directNumber\":\"+4723450103\"}"),
            Map.entry("POST /api/session",
                    "{\"username\":\"noc\",\"password\":\"noc-secret\"}"),
            Map.entry("POST /api/tokens",
                    "{\"name\":\"matrix\"}"),
            Map.entry("POST /api/customers/{tenant}/users/{user}/absences",
                    "{\"reason\":\"lunch\",\"until\":\"2099-01-01T00:00:00Z\"}"));

    record Account(String name, String password, Role role, Optional<String> tenant, Optional<String> user) {
    }

    /** The demo's accounts of every role, and Carol's web account as a plain user. */
    static final List<Account> ACCOUNTS = List.of(
            new Account("admin", "admin-secret", Role.SYSTEM_ADMIN, Optional.empty(), Optional.empty()),
            new Account("noc", "noc-secret", Role.NOC, Optional.empty(), Optional.empty()),
            new Account("fjord-admin", "fjord-admin-secret", Role.CONTACT_PERSON, Optional.of("fjord"),
                    Optional.empty()),
            new Account("alice", "alice-secret", Role.OPERATOR, Optional.of("fjord"), Optional.of("alice")),
            new Account("carol", "carol-web-secret", Role.USER, Optional.of("fjord"), Optional.of("carol")));

    @TempDir
    static Path dataDir;

    private static TestNode node;

    /** The route's path for {@code tenant}, its other parameters filled with the demo's things. */
    static String pathOf(ApiRoute route, String tenant) {
        return route.template().replace("{tenant}", tenant).replace("{user}", "carol")
                .replace("{id}", "999999").replace("{queue}", "Sentralbord").replace("{account}", "matrix-web")
                .replace("{trunk}", "acme-pbx").replace("{number}", "%2B4722120005").replace("{callId}", "none");
    }

    @BeforeAll
    static void start() {
        node = startWithCarolsAccount(dataDir);
    }

    /** A demo node where Carol also has a web account, as a plain user. */
    static TestNode startWithCarolsAccount(Path dataDir) {
        TestNode node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        CustomerProvisioning fjord = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE)
                .customers().stream().filter(c -> c.tenant().equals(TenantId.of("fjord"))).findFirst().orElseThrow();
        List<WebAccount> accounts = new ArrayList<>(fjord.webAccounts());
        accounts.add(new WebAccount(AccountName.of("carol"), Optional.of(fjord.tenant()), Role.USER,
                new AccountSecret.Plain("carol-web-secret"), Optional.of(UserId.of("carol"))));
        node.server.provisioner().apply(fjord.withWebAccounts(accounts), "test");
        return node;
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyServedRouteIsInTheDesignWithTheDesignedRoles() {
        Map<String, Set<Role>> served = new LinkedHashMap<>();
        for (ApiRoute route : node.server.apiRoutes()) {
            served.put(route.method() + " " + route.template(), route.open() ? Set.of() : route.roles());
        }
        assertThat(served).isEqualTo(DESIGNED);
    }

    @Test
    void everyRouteAnswersEveryRoleAsDesignedForItsOwnAndAnotherCustomer() {
        Http http = Http.to(node.server.httpPort());
        List<String> wrong = new ArrayList<>();
        for (ApiRoute route : node.server.apiRoutes()) {
            String key = route.method() + " " + route.template();
            String body = BODIES.get(key);
            for (String tenant : route.parameters().contains("tenant") ? List.of("fjord", "acme") : List.of("-")) {
                String path = pathOf(route, tenant);
                HttpResponse<String> anonymous = http.send(route.method(), path, body);
                check(wrong, key, tenant, "anonymous", anonymous, route.open() ? -1 : 401);
                for (Account account : ACCOUNTS) {
                    HttpResponse<String> answer = http.as(account.name(), account.password())
                            .send(route.method(), path, body);
                    check(wrong, key, tenant, account.name(), answer, expected(route, key, account, tenant));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * 403 for a role the route does not allow, 404 for another customer's data, 403 for another
     * user's data on a self-only route, else served (-1).
     */
    private static int expected(ApiRoute route, String key, Account account, String tenant) {
        if (!route.open() && !route.roles().contains(account.role())) {
            return 403;
        }
        boolean otherCustomer = !tenant.equals("-") && account.tenant().isPresent()
                && !account.tenant().get().equals(tenant);
        if (otherCustomer) {
            return 404;
        }
        boolean selfOnly = SELF_ONLY.getOrDefault(key, Set.of()).contains(account.role());
        return selfOnly && !account.user().equals(Optional.of("carol")) ? 403 : -1;
    }

    private static void check(List<String> wrong, String key, String tenant, String who, HttpResponse<String> answer,
                              int expected) {
        int status = answer.statusCode();
        boolean ok = expected == -1
                ? status != 401 && status != 403 && status != 429 && !answer.body().contains("no customer")
                : status == expected;
        if (!ok) {
            wrong.add(key + " [" + tenant + "] as " + who + ": " + status + " (expected "
                    + (expected == -1 ? "served" : expected) + ") " + answer.body());
        }
    }
}
