package io.sentral.config;

import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a customer's {@code trunks[]} (T2): registration trunks prove themselves with digest
 * credentials (the password is turned into HA1 hashes for the SIP domain at once), static trunks
 * by source address. Each trunk takes a part of the customer's numbers; parts do not overlap.
 */
final class TrunkBinder {
    private static final Set<String> COMMON = Set.of("id", "kind", "numbers", "defaultNumber", "callerIdPolicy",
            "maxChannels", "maxCallsPerSecond");
    private static final List<String> REGISTRATION_ONLY = List.of("username", "password");
    private static final List<String> STATIC_ONLY = List.of("trustedSources", "address", "transport");
    private static final Set<String> ALL_KEYS = union(COMMON, REGISTRATION_ONLY, STATIC_ONLY);

    /** A bound trunk with the ranges it serves. */
    record BoundTrunk(Trunk trunk, List<NumberRange> ranges) {
    }

    private final TenantId tenant;
    private final String realm;
    private final Uniques globalIds;

    TrunkBinder(TenantId tenant, String realm, Uniques globalIds) {
        this.tenant = tenant;
        this.realm = realm;
        this.globalIds = globalIds;
    }

    List<BoundTrunk> bind(List<YamlNode> items, CustomerNumbers numbers) {
        List<CustomerNumbers.Declared> taken = new ArrayList<>();
        List<BoundTrunk> trunks = new ArrayList<>();
        for (YamlNode item : items) {
            trunks.add(bind(item, numbers, taken));
        }
        return trunks;
    }

    private BoundTrunk bind(YamlNode item, CustomerNumbers numbers, List<CustomerNumbers.Declared> taken) {
        YamlNode t = item.object(ALL_KEYS);
        TrunkKind kind = t.required("kind").enumValue(TrunkKind.class, "trunk kind");
        for (String key : kind == TrunkKind.REGISTRATION ? STATIC_ONLY : REGISTRATION_ONLY) {
            if (t.has(key)) {
                throw t.required(key).error("not used by a " + YamlNode.kebab(kind) + " trunk");
            }
        }
        YamlNode idNode = t.required("id");
        TrunkId id = idNode.parse(TrunkId::of);
        globalIds.claim("trunk id", id, idNode);

        Optional<DigestCredentials> credentials = Optional.empty();
        List<IpRange> trusted = List.of();
        Optional<SipEndpoint> endpoint = Optional.empty();
        if (kind == TrunkKind.REGISTRATION) {
            String why = "a registration trunk needs username and password";
            YamlNode usernameNode = t.required("username", why);
            String username = usernameNode.nonBlankText();
            globalIds.claim("SIP username", username, usernameNode);
            String password = t.required("password", why).nonBlankText();
            credentials = Optional.of(DigestCredentials.fromPassword(username, realm, password));
        } else {
            String why = "a static trunk needs trustedSources and address";
            trusted = t.required("trustedSources", why).elements().stream().map(n -> n.parse(IpRange::parse)).toList();
            if (trusted.isEmpty()) {
                throw t.required("trustedSources").error(why);
            }
            t.required("address", why);
            endpoint = Optional.of(GatewayBinder.endpoint(t));
        }

        List<NumberRange> ranges = new ArrayList<>();
        for (YamlNode n : t.required("numbers", "a trunk serves some of the customer's numbers").elements()) {
            NumberRange range = n.range();
            numbers.requireInRanges(n, range);
            Optional<CustomerNumbers.Declared> clash = CustomerNumbers.overlapping(taken, range);
            if (clash.isPresent()) {
                throw n.error(range + " overlaps " + clash.get().range() + " (" + clash.get().path() + ")");
            }
            taken.add(new CustomerNumbers.Declared(tenant, range, n.path()));
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            throw t.required("numbers").error("a trunk serves some of the customer's numbers");
        }
        YamlNode defaultNode = t.required("defaultNumber");
        var defaultNumber = defaultNode.number();
        numbers.requireOwned(defaultNode, defaultNumber);
        CallerIdPolicy policy = t.optional("callerIdPolicy")
                .map(n -> n.enumValue(CallerIdPolicy.class, "caller-ID policy")).orElse(CallerIdPolicy.REJECT);
        int channels = t.optional("maxChannels").map(n -> n.integer(0, 100_000)).orElse(0);
        int cps = t.optional("maxCallsPerSecond").map(n -> n.integer(0, 10_000)).orElse(0);
        Trunk trunk = new Trunk(id, tenant, kind, credentials, trusted, endpoint, defaultNumber, policy, channels, cps);
        return new BoundTrunk(trunk, ranges);
    }

    private static Set<String> union(Set<String> a, List<String> b, List<String> c) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        return Set.copyOf(all);
    }
}
