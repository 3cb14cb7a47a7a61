package io.sentral.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Environment variables that override keys of {@code node}, for containers and tests
 * ({@code SENTRAL_SIP_PORT=5070}). They are written into the YAML tree before binding, so the
 * usual validation applies to them; a value that is not even of the right type is reported with
 * the variable's name.
 */
final class EnvironmentOverrides {
    /** One variable and the {@code node} key it replaces. */
    private record Override(String variable, List<String> path, boolean integer) {
    }

    private static final List<Override> OVERRIDES = List.of(
            new Override("SENTRAL_DATA_DIR", List.of("dataDir"), false),
            new Override("SENTRAL_SIP_LISTEN_ADDRESS", List.of("sip", "listenAddress"), false),
            new Override("SENTRAL_SIP_PORT", List.of("sip", "port"), true),
            new Override("SENTRAL_SIP_TLS_PORT", List.of("sip", "tlsPort"), true),
            new Override("SENTRAL_SIP_DOMAIN", List.of("sip", "domain"), false),
            new Override("SENTRAL_HTTP_LISTEN_ADDRESS", List.of("http", "listenAddress"), false),
            new Override("SENTRAL_HTTP_PORT", List.of("http", "port"), true),
            new Override("SENTRAL_DB_URL", List.of("database", "url"), false),
            new Override("SENTRAL_DB_USER", List.of("database", "user"), false),
            new Override("SENTRAL_DB_PASSWORD", List.of("database", "password"), false),
            new Override("SENTRAL_DB_POOL_SIZE", List.of("database", "poolSize"), true),
            new Override("SENTRAL_HEP_COLLECTOR", List.of("tracing", "hep", "collector"), false),
            new Override("SENTRAL_CALLER_LOOKUP_URL", List.of("callerLookup", "url"), false),
            new Override("SENTRAL_TARIFF_FILE", List.of("tariffFile"), false));

    private EnvironmentOverrides() {
    }

    /** The variable names understood, for documentation. */
    static List<String> variables() {
        return OVERRIDES.stream().map(Override::variable).toList();
    }

    static void apply(Map<String, String> environment, ObjectNode root) {
        for (Override o : OVERRIDES) {
            String value = environment.get(o.variable());
            if (value == null) {
                continue;
            }
            ObjectNode parent = root.withObjectProperty("node");
            for (String key : o.path().subList(0, o.path().size() - 1)) {
                parent = parent.withObjectProperty(key);
            }
            String key = o.path().getLast();
            if (o.integer()) {
                try {
                    parent.put(key, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    throw new ConfigException("environment", o.variable(), "not an integer: '" + value + "'");
                }
            } else {
                parent.put(key, value);
            }
        }
    }
}
