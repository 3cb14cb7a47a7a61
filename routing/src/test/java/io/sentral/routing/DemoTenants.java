package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.barring.BarringClass;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.registration.Binding;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tenant data and gateways of DEMO.md (acme, svea, fjord), built with core constructors. */
final class DemoTenants {
    static final String DOMAIN = "sentral.test";
    static final TenantId ACME = TenantId.of("acme");
    static final TenantId SVEA = TenantId.of("svea");
    static final TenantId FJORD = TenantId.of("fjord");
    static final TrunkId ACME_PBX = TrunkId.of("acme-pbx");
    static final TrunkId SVEA_PBX = TrunkId.of("svea-pbx");
    static final String ACME_AOR = "acme-pbx@" + DOMAIN;

    private DemoTenants() {
    }

    /** The demo as it is: no barrings, no cost limits, nothing ported. */
    static TenantSnapshot snapshot() {
        return tenants().build();
    }

    /** The demo, to be changed for one test. */
    static Tenants tenants() {
        return new Tenants();
    }

    /** Builds a demo snapshot with the changes a test needs; trunk limits default to DEMO.md's. */
    static final class Tenants {
        private final Map<TenantId, Set<BarringClass>> barrings = new HashMap<>();
        private final Map<TenantId, BigDecimal> costLimits = new HashMap<>();
        private final Map<TrunkId, int[]> limits = new HashMap<>(Map.of(ACME_PBX, new int[] {30, 10},
                SVEA_PBX, new int[] {0, 0}));
        private final List<PortedOut> portedOut = new ArrayList<>();
        private final List<PortedIn> portedIn = new ArrayList<>();
        private CallerIdPolicy sveaPolicy = CallerIdPolicy.REPLACE;

        Tenants barred(TenantId tenant, BarringClass... bars) {
            barrings.computeIfAbsent(tenant, t -> EnumSet.noneOf(BarringClass.class)).addAll(List.of(bars));
            return this;
        }

        Tenants costLimit(TenantId tenant, String limit) {
            costLimits.put(tenant, new BigDecimal(limit));
            return this;
        }

        Tenants limits(TrunkId trunk, int channels, int callsPerSecond) {
            limits.put(trunk, new int[] {channels, callsPerSecond});
            return this;
        }

        Tenants portedOut(PortedOut ported) {
            portedOut.add(ported);
            return this;
        }

        Tenants portedIn(PortedIn ported) {
            portedIn.add(ported);
            return this;
        }

        /** svea's static trunk with another caller-ID policy (the demo's is replace). */
        Tenants sveaPolicy(CallerIdPolicy policy) {
            sveaPolicy = policy;
            return this;
        }

        TenantSnapshot build() {
            Trunk acmePbx = new Trunk(ACME_PBX, ACME, TrunkKind.REGISTRATION,
                    Optional.of(DigestCredentials.fromPassword("acme-pbx", DOMAIN, "acme-secret")), List.of(),
                    Optional.empty(), E164Number.of("+4722120000"), CallerIdPolicy.REJECT,
                    limits.get(ACME_PBX)[0], limits.get(ACME_PBX)[1]);
            Trunk sveaPbx = new Trunk(SVEA_PBX, SVEA, TrunkKind.STATIC, Optional.empty(),
                    List.of(IpRange.parse("127.0.0.5/32")), Optional.of(SipEndpoint.parse("127.0.0.5:5060")),
                    E164Number.of("+46812345600"), sveaPolicy, limits.get(SVEA_PBX)[0], limits.get(SVEA_PBX)[1]);
            CustomerProvisioning acme = customer(new Customer(ACME, "Acme AS", Country.NO), List.of(acmePbx),
                    List.of(new RangeAssignment(ACME, NumberRange.of("+4722120000", "+4722120099"),
                            Optional.of(ACME_PBX))),
                    List.of(new ExtraNumber(ACME, E164Number.of("+4791000001"), "company mobile")));
            CustomerProvisioning svea = customer(new Customer(SVEA, "Svea AB", Country.SE), List.of(sveaPbx),
                    List.of(new RangeAssignment(SVEA, NumberRange.of("+46812345600", "+46812345699"),
                            Optional.of(SVEA_PBX))),
                    List.of());
            CustomerProvisioning fjord = customer(new Customer(FJORD, "Fjord AS", Country.NO), List.of(),
                    List.of(new RangeAssignment(FJORD, NumberRange.of("+4723450000", "+4723450199"),
                            Optional.empty())),
                    List.of());
            return TenantSnapshot.of(List.of(acme, svea, fjord), new PortabilityTable(portedOut, portedIn));
        }

        private CustomerProvisioning customer(Customer customer, List<Trunk> trunks, List<RangeAssignment> ranges,
                                              List<ExtraNumber> extras) {
            return new CustomerProvisioning(customer, trunks, ranges, extras, Optional.empty(), List.of(), List.of(),
                    List.of(), List.of(), barrings.getOrDefault(customer.id(), Set.of()), List.of(),
                    Optional.ofNullable(costLimits.get(customer.id())));
        }
    }

    /** Gateways in deliberately unsorted order: priority, not list order, decides failover. */
    static List<GatewaySettings> gateways() {
        return List.of(
                gateway("carrier-2", GatewayRole.CARRIER, "127.0.0.3:5060", 2),
                gateway("emergency", GatewayRole.EMERGENCY, "127.0.0.4:5060", 0),
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1));
    }

    static GatewaySettings gateway(String name, GatewayRole role, String endpoint, int priority) {
        return gateway(name, role, endpoint, priority, 1, List.of());
    }

    static GatewaySettings gateway(String name, GatewayRole role, String endpoint, int priority, int weight,
                                   List<Country> countries) {
        SipEndpoint at = SipEndpoint.parse(endpoint);
        return new GatewaySettings(name, role, at, List.of(IpRange.parse(at.host())), priority, weight, countries);
    }

    static Binding binding(String contactUri, float q) {
        return new Binding(ACME_AOR, contactUri, Instant.parse("2030-01-01T00:00:00Z"), "reg-1@127.0.0.2", 1,
                SipEndpoint.parse("127.0.0.2:5070"), q);
    }
}
