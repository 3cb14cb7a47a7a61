package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.CallerIdPolicy;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Transport;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Tables {@code trunks} and {@code trunk_trusted_sources} (T2). Credentials are HA1 hashes only. */
final class TrunkTable {
    private TrunkTable() {
    }

    /** Makes the tenant's trunks exactly {@code trunks}. Number ranges must not point at removed trunks. */
    static void sync(Connection c, TenantId tenant, List<Trunk> trunks) throws SQLException {
        for (Trunk t : trunks) {
            Optional<DigestCredentials> cred = t.credentials();
            Optional<SipEndpoint> endpoint = t.staticEndpoint();
            Jdbc.upsert(c, "trunks", row("id", t.id().value()), row(
                    "tenant_id", tenant.value(),
                    "kind", t.kind(),
                    "username", Jdbc.text(cred.map(DigestCredentials::username)),
                    "realm", Jdbc.text(cred.map(DigestCredentials::realm)),
                    "ha1_md5", Jdbc.text(cred.map(DigestCredentials::ha1Md5)),
                    "ha1_sha256", Jdbc.text(cred.map(DigestCredentials::ha1Sha256)),
                    "endpoint_host", Jdbc.text(endpoint.map(SipEndpoint::host)),
                    "endpoint_port", endpoint.<Object>map(SipEndpoint::port).orElse(Jdbc.NULL_INTEGER),
                    "endpoint_transport", Jdbc.text(endpoint.map(e -> e.transport().name())),
                    "default_number", t.defaultNumber().value(),
                    "caller_id_policy", t.callerIdPolicy(),
                    "max_channels", t.maxChannels(),
                    "max_calls_per_second", t.maxCallsPerSecond()));
            Jdbc.update(c, "DELETE FROM trunk_trusted_sources WHERE trunk_id = ?", t.id().value());
            for (int i = 0; i < t.trustedSources().size(); i++) {
                Jdbc.insert(c, "trunk_trusted_sources", row("trunk_id", t.id().value(), "source_order", i,
                        "cidr", t.trustedSources().get(i).toString()));
            }
        }
        Jdbc.deleteOthers(c, "trunks", tenant.value(), "id", trunks.stream().map(t -> t.id().value()).toList());
    }

    static List<Trunk> readAll(Connection c) throws SQLException {
        Map<String, List<IpRange>> sources = Jdbc.query(c,
                "SELECT trunk_id, cidr FROM trunk_trusted_sources ORDER BY trunk_id, source_order",
                rs -> Map.entry(rs.getString("trunk_id"), IpRange.parse(rs.getString("cidr")))).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return Jdbc.query(c, "SELECT * FROM trunks ORDER BY id", rs -> {
            String id = rs.getString("id");
            Optional<DigestCredentials> credentials = Jdbc.optionalText(rs, "username").isEmpty() ? Optional.empty()
                    : Optional.of(new DigestCredentials(rs.getString("username"), rs.getString("realm"),
                            rs.getString("ha1_md5"), rs.getString("ha1_sha256")));
            Optional<SipEndpoint> endpoint = Jdbc.optionalText(rs, "endpoint_host").isEmpty() ? Optional.empty()
                    : Optional.of(new SipEndpoint(rs.getString("endpoint_host"), rs.getInt("endpoint_port"),
                            Transport.valueOf(rs.getString("endpoint_transport"))));
            return new Trunk(TrunkId.of(id), TenantId.of(rs.getString("tenant_id")),
                    TrunkKind.valueOf(rs.getString("kind")), credentials, sources.getOrDefault(id, List.of()),
                    endpoint, E164Number.of(rs.getString("default_number")),
                    CallerIdPolicy.valueOf(rs.getString("caller_id_policy")), rs.getInt("max_channels"),
                    rs.getInt("max_calls_per_second"));
        });
    }
}
