package io.sentral.config;

import io.sentral.core.tenant.IpRange;
import io.sentral.core.tenant.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code node}: every key has a default, which together give the demo deployment
 * (DEMO.md): SIP on 127.0.0.1:5060 (UDP, TCP) and 5061 (TLS) in domain {@code sentral.test},
 * HTTP on 127.0.0.1:8080, the embedded database under {@code sentral-data}.
 */
final class NodeBinder {
    static final Path DEFAULT_DATA_DIR = Path.of("sentral-data");

    private NodeBinder() {
    }

    static NodeSettings bind(Optional<YamlNode> section) {
        if (section.isEmpty()) {
            return new NodeSettings(DEFAULT_DATA_DIR, sip(Optional.empty()), http(Optional.empty()),
                    database(Optional.empty()), TracingSettings.defaults());
        }
        YamlNode node = section.get().object(Set.of("dataDir", "sip", "http", "database", "tracing", "callerLookup",
                "tariffFile"));
        Path dataDir = node.optional("dataDir").map(n -> n.parse(Path::of)).orElse(DEFAULT_DATA_DIR);
        // empty means the bundled tariff, so that SENTRAL_TARIFF_FILE= can switch a file off again
        Optional<Path> tariffFile = node.optional("tariffFile").filter(n -> !n.text().isBlank())
                .map(n -> n.parse(Path::of));
        return new NodeSettings(dataDir, sip(node.optional("sip")), http(node.optional("http")),
                database(node.optional("database")), tracing(node.optional("tracing")),
                CallerLookupBinder.bind(node.optional("callerLookup")), tariffFile);
    }

    private static TracingSettings tracing(Optional<YamlNode> section) {
        TracingSettings d = TracingSettings.defaults();
        if (section.isEmpty()) {
            return d;
        }
        YamlNode tracing = section.get().object(Set.of("keptCalls", "messagesPerCall", "hep"));
        return new TracingSettings(
                tracing.optional("keptCalls").map(n -> n.integer(1, 100_000)).orElse(d.keptCalls()),
                tracing.optional("messagesPerCall").map(n -> n.integer(1, 10_000)).orElse(d.messagesPerCall()),
                tracing.optional("hep").flatMap(NodeBinder::hep));
    }

    /** {@code hep: {collector: host:port, captureId, password}}; an empty collector means no export. */
    private static Optional<TracingSettings.HepSettings> hep(YamlNode section) {
        YamlNode hep = section.object(Set.of("collector", "captureId", "password"));
        Optional<YamlNode> collector = hep.optional("collector").filter(n -> !n.text().isBlank());
        if (collector.isEmpty()) {
            return Optional.empty();
        }
        YamlNode node = collector.get();
        String text = node.nonBlankText();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw node.error("expected host:port, e.g. 127.0.0.1:9060, not '" + text + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw node.error("the port of '" + text + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw node.error("port " + port + " is outside 1-65535");
        }
        String host = text.substring(0, colon).replaceAll("^\\[|]$", "");
        return Optional.of(new TracingSettings.HepSettings(host, port,
                hep.optional("captureId").map(n -> n.integer(0, Integer.MAX_VALUE)).orElse(2001),
                hep.optional("password").map(YamlNode::text).filter(p -> !p.isEmpty())));
    }

    private static SipSettings sip(Optional<YamlNode> section) {
        SipSettings d = new SipSettings("127.0.0.1", 5060, 5061, List.of(Transport.UDP, Transport.TCP, Transport.TLS),
                "sentral.test", Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(3600),
                Duration.ofSeconds(300), Duration.ofSeconds(2), 4);
        if (section.isEmpty()) {
            return d;
        }
        YamlNode sip = section.get().object(Set.of("listenAddress", "port", "tlsPort", "transports", "domain",
                "minExpires", "maxExpires", "defaultExpires", "nonceTtl", "gatewayTimeout", "lanes",
                "gatewayPingInterval", "blocking"));
        String listenAddress = sip.optional("listenAddress").map(NodeBinder::ipAddress).orElse(d.listenAddress());
        int port = sip.optional("port").map(NodeBinder::port).orElse(d.port());
        int tlsPort = sip.optional("tlsPort").map(NodeBinder::port).orElse(d.tlsPort());
        List<Transport> transports = sip.optional("transports").map(NodeBinder::transports).orElse(d.transports());
        String domain = sip.optional("domain").map(YamlNode::nonBlankText).orElse(d.domain());
        Duration minExpires = sip.optional("minExpires").map(YamlNode::duration).orElse(d.minExpires());
        Duration maxExpires = sip.optional("maxExpires").map(YamlNode::duration).orElse(d.maxExpires());
        Duration defaultExpires = sip.optional("defaultExpires").map(YamlNode::duration).orElse(d.defaultExpires());
        if (minExpires.compareTo(maxExpires) > 0) {
            throw sip.required("minExpires").error("minExpires " + minExpires.toSeconds()
                    + "s is longer than maxExpires " + maxExpires.toSeconds() + "s");
        }
        if (defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw (sip.has("defaultExpires") ? sip.required("defaultExpires") : sip).error("defaultExpires "
                    + defaultExpires.toSeconds() + "s is outside minExpires-maxExpires");
        }
        return new SipSettings(listenAddress, port, tlsPort, transports, domain, minExpires, maxExpires,
                defaultExpires,
                sip.optional("nonceTtl").map(NodeBinder::positive).orElse(d.nonceTtl()),
                sip.optional("gatewayTimeout").map(NodeBinder::positive).orElse(d.gatewayTimeout()),
                sip.optional("lanes").map(n -> n.integer(1, 1024)).orElse(d.lanes()),
                sip.optional("gatewayPingInterval").map(YamlNode::duration).orElse(d.gatewayPingInterval()),
                sip.optional("blocking").map(NodeBinder::blocking).orElse(d.blocking()));
    }

    private static BlockingSettings blocking(YamlNode section) {
        BlockingSettings d = BlockingSettings.defaults();
        YamlNode blocking = section.object(Set.of("authFailures", "window", "blockFor"));
        return new BlockingSettings(blocking.optional("authFailures").map(n -> n.integer(0, 100_000)).orElse(d.failures()),
                blocking.optional("window").map(NodeBinder::positive).orElse(d.window()),
                blocking.optional("blockFor").map(NodeBinder::positive).orElse(d.blockFor()));
    }

    private static HttpSettings http(Optional<YamlNode> section) {
        if (section.isEmpty()) {
            return new HttpSettings("127.0.0.1", 8080);
        }
        YamlNode http = section.get().object(Set.of("listenAddress", "port"));
        return new HttpSettings(http.optional("listenAddress").map(NodeBinder::ipAddress).orElse("127.0.0.1"),
                http.optional("port").map(NodeBinder::port).orElse(8080));
    }

    private static DatabaseSettings database(Optional<YamlNode> section) {
        DatabaseSettings d = DatabaseSettings.embedded();
        if (section.isEmpty()) {
            return d;
        }
        YamlNode db = section.get().object(Set.of("url", "user", "password", "poolSize"));
        String url = db.optional("url").map(YamlNode::text).orElse(d.url());
        if (!url.isBlank() && !url.startsWith("jdbc:")) {
            throw db.required("url").error("not a JDBC URL: '" + url + "' (leave it empty for the embedded database)");
        }
        return new DatabaseSettings(url, db.optional("user").map(YamlNode::text).orElse(d.user()),
                db.optional("password").map(YamlNode::text).orElse(d.password()),
                db.optional("poolSize").map(n -> n.integer(1, 200)).orElse(d.poolSize()));
    }

    private static String ipAddress(YamlNode node) {
        String text = node.nonBlankText();
        IpRange range = node.parse(IpRange::parse);
        if (range.prefixLength() != range.network().length * 8) {
            throw node.error("expected an IP address, not a network: '" + text + "'");
        }
        return text;
    }

    private static int port(YamlNode node) {
        return node.integer(0, 65535);
    }

    static Duration positive(YamlNode node) {
        Duration d = node.duration();
        if (d.isZero()) {
            throw node.error("must be longer than 0");
        }
        return d;
    }

    private static List<Transport> transports(YamlNode node) {
        List<Transport> transports = node.elements().stream().map(n -> n.enumValue(Transport.class, "transport"))
                .distinct().toList();
        if (transports.isEmpty()) {
            throw node.error("list at least one transport (udp, tcp, tls)");
        }
        return transports;
    }
}
