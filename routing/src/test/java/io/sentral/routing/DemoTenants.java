package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    static TenantSnapshot snapshot() {
        Trunk acmePbx = new Trunk(ACME_PBX, ACME, TrunkKind.REGISTRATION,
                Optional.of(DigestCredentials.fromPassword("acme-pbx", DOMAIN, "acme-secret")), List.of(),
                Optional.empty(), E164Number.of("+4722120000"), CallerIdPolicy.REJECT, 30, 10);
        Trunk sveaPbx = new Trunk(SVEA_PBX, SVEA, TrunkKind.STATIC, Optional.empty(),
                List.of(IpRange.parse("127.0.0.5/32")), Optional.of(SipEndpoint.parse("127.0.0.5:5060")),
                E164Number.of("+46812345600"), CallerIdPolicy.REPLACE, 0, 0);
        return new TenantSnapshot(
                List.of(new Customer(ACME, "Acme AS", Country.NO), new Customer(SVEA, "Svea AB", Country.SE),
                        new Customer(FJORD, "Fjord AS", Country.NO)),
                List.of(acmePbx, sveaPbx),
                List.of(new RangeAssignment(ACME, NumberRange.of("+4722120000", "+4722120099"), Optional.of(ACME_PBX)),
                        new RangeAssignment(SVEA, NumberRange.of("+46812345600", "+46812345699"),
                                Optional.of(SVEA_PBX)),
                        new RangeAssignment(FJORD, NumberRange.of("+4723450000", "+4723450199"), Optional.empty())),
                List.of(new ExtraNumber(ACME, E164Number.of("+4791000001"), "company mobile")));
    }

    /** Gateways in deliberately unsorted order: priority, not list order, decides failover. */
    static List<GatewaySettings> gateways() {
        return List.of(
                gateway("carrier-2", GatewayRole.CARRIER, "127.0.0.3:5060", 2),
                gateway("emergency", GatewayRole.EMERGENCY, "127.0.0.4:5060", 0),
                gateway("carrier-1", GatewayRole.CARRIER, "127.0.0.2:5060", 1));
    }

    static GatewaySettings gateway(String name, GatewayRole role, String endpoint, int priority) {
        SipEndpoint at = SipEndpoint.parse(endpoint);
        return new GatewaySettings(name, role, at, List.of(IpRange.parse(at.host())), priority, List.of());
    }

    static Binding binding(String contactUri, float q) {
        return new Binding(ACME_AOR, contactUri, Instant.parse("2030-01-01T00:00:00Z"), "reg-1@127.0.0.2", 1,
                SipEndpoint.parse("127.0.0.2:5070"), q);
    }
}
