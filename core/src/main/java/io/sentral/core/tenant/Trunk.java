package io.sentral.core.tenant;

import io.sentral.core.number.E164Number;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's SIP trunk (T2): either a registration trunk (digest credentials; calls go to its
 * registered contacts) or a static trunk (trusted source addresses; calls go to a fixed endpoint).
 */
public record Trunk(
        TrunkId id,
        TenantId tenant,
        TrunkKind kind,
        Optional<DigestCredentials> credentials,
        List<IpRange> trustedSources,
        Optional<SipEndpoint> staticEndpoint,
        E164Number defaultNumber,
        CallerIdPolicy callerIdPolicy,
        int maxChannels,
        int maxCallsPerSecond) {

    public Trunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentials, "credentials");
        trustedSources = List.copyOf(trustedSources);
        Objects.requireNonNull(staticEndpoint, "staticEndpoint");
        Objects.requireNonNull(defaultNumber, "defaultNumber");
        Objects.requireNonNull(callerIdPolicy, "callerIdPolicy");
        if (kind == TrunkKind.REGISTRATION && credentials.isEmpty()) {
            throw new IllegalArgumentException("registration trunk " + id + " has no credentials");
        }
        if (kind == TrunkKind.STATIC && (trustedSources.isEmpty() || staticEndpoint.isEmpty())) {
            throw new IllegalArgumentException("static trunk " + id + " needs trusted sources and an endpoint");
        }
        if (maxChannels < 0 || maxCallsPerSecond < 0) {
            throw new IllegalArgumentException("trunk " + id + " limits must not be negative (0 = unlimited)");
        }
    }
}
