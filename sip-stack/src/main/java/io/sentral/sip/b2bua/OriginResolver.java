package io.sentral.sip.b2bua;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.switchboard.User;
import io.sentral.core.tenant.Trunk;
import io.sentral.sip.auth.DigestAuthenticator;
import io.sentral.sip.auth.DigestHeaders;
import io.sentral.sip.auth.DigestResponse;
import io.sentral.sip.auth.DigestVerdict;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;

/**
 * Establishes who sent a new INVITE (T2): a carrier gateway or a static trunk by source
 * address, else a registration trunk or a switchboard user's device (S1) by digest credentials
 * ({@code Proxy-Authorization}).
 * Only requests resolved here are routed or counted against a trunk's limits.
 */
public final class OriginResolver {

    /** The result of resolving an INVITE's origin. */
    public sealed interface Result {
        record Resolved(CallOrigin origin) implements Result {
        }

        record Challenge(boolean stale) implements Result {
        }

        record Forbidden(String reason) implements Result {
        }

        record BadRequest(String reason) implements Result {
        }
    }

    private record TrustedGateway(String name, List<IpRange> sources) {
    }

    private final Supplier<TenantSnapshot> tenants;
    private final List<TrustedGateway> carriers;
    private final DigestAuthenticator authenticator;

    public OriginResolver(Supplier<TenantSnapshot> tenants, List<GatewaySettings> gateways,
                          DigestAuthenticator authenticator) {
        this.tenants = tenants;
        this.carriers = gateways.stream()
                .filter(g -> g.role() == GatewayRole.CARRIER)
                .map(g -> new TrustedGateway(g.name(), g.trustedSources().isEmpty()
                        ? List.of(IpRange.parse(g.endpoint().host())) : g.trustedSources()))
                .toList();
        this.authenticator = authenticator;
    }

    /**
     * Whether requests from {@code sourceIp} are trusted by address: any gateway's trusted sources
     * (its own address by default) or an IP-trusted trunk of {@code snapshot}.
     */
    public static boolean trustedByAddress(List<GatewaySettings> gateways, TenantSnapshot snapshot, String sourceIp) {
        try {
            InetAddress source = InetAddress.getByName(sourceIp); // an IP literal: no lookup
            return gateways.stream().anyMatch(g -> (g.trustedSources().isEmpty()
                    ? List.of(IpRange.parse(g.endpoint().host())) : g.trustedSources()).stream()
                    .anyMatch(r -> r.contains(source))) || snapshot.trunkTrusting(source).isPresent();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    public Result resolve(Request invite, String sourceIp) {
        InetAddress source;
        try {
            source = InetAddress.getByName(sourceIp);
        } catch (UnknownHostException e) {
            return new Result.Forbidden("unusable source address " + sourceIp);
        }
        for (TrustedGateway g : carriers) {
            if (g.sources().stream().anyMatch(r -> r.contains(source))) {
                return new Result.Resolved(new CallOrigin.Carrier(g.name()));
            }
        }
        TenantSnapshot snapshot = tenants.get();
        Optional<Trunk> trusted = snapshot.trunkTrusting(source);
        if (trusted.isPresent()) {
            return new Result.Resolved(new CallOrigin.CustomerTrunk(trusted.get().tenant(), trusted.get().id()));
        }
        Optional<DigestResponse> answer = DigestHeaders.credentials(invite, ProxyAuthorizationHeader.NAME,
                authenticator.realm());
        if (answer.isEmpty()) {
            return new Result.Challenge(false);
        }
        DigestVerdict verdict = authenticator.verify(Request.INVITE, answer.get(),
                user -> credentialsOf(snapshot, user));
        return switch (verdict) {
            case DigestVerdict.Accepted ok -> new Result.Resolved(originOf(snapshot, ok.username()));
            case DigestVerdict.Stale stale -> new Result.Challenge(true);
            case DigestVerdict.UnknownNonce unknown -> new Result.Challenge(false);
            case DigestVerdict.Rejected rejected -> new Result.Forbidden(rejected.reason());
            case DigestVerdict.Malformed malformed -> new Result.BadRequest(malformed.reason());
        };
    }

    /** A trunk's login sends as the trunk; a switchboard user's login as the user's device (S1). */
    private static CallOrigin originOf(TenantSnapshot snapshot, String username) {
        Optional<Trunk> trunk = snapshot.trunkByUsername(username);
        if (trunk.isPresent()) {
            return new CallOrigin.CustomerTrunk(trunk.get().tenant(), trunk.get().id());
        }
        User user = snapshot.userByUsername(username).orElseThrow();
        return new CallOrigin.SwitchboardUser(user.tenant(), user.id());
    }

    /**
     * Credentials lookup used for registration and calls: the trunk with that username, else the
     * switchboard user (S1: a user's SIP devices register with the user's SIP login).
     */
    public static Optional<DigestCredentials> credentialsOf(TenantSnapshot snapshot, String username) {
        return snapshot.trunkByUsername(username).flatMap(Trunk::credentials)
                .or(() -> snapshot.userByUsername(username).map(User::sipCredentials));
    }
}
