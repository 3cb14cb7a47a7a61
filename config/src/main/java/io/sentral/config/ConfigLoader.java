package io.sentral.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a Sentral YAML file into a validated {@link SentralConfig}. The YAML is parsed into a
 * tree and bound by hand, section by section, so that every problem is reported with the file,
 * the YAML path and the offending value ({@link ConfigException}); unknown keys are errors.
 * Everything under {@code node} has a default, and some of it can be overridden from the
 * environment ({@link #environmentVariables()}).
 */
public final class ConfigLoader {
    /** The demo deployment of DEMO.md, shipped on the classpath. */
    public static final String DEMO_RESOURCE = "io/sentral/config/demo.yaml";
    /** Every key with its default and unit; loads like any other file. */
    public static final String REFERENCE_RESOURCE = "io/sentral/config/reference.yaml";

    private static final String TOP_LEVEL_KEYS = "node, gateways, numberPlan, customers, accounts, portability";

    private final Map<String, String> environment;
    /** Decimal amounts (cost limits) are kept exact, never read through a double. */
    private final YAMLMapper mapper = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** @param environment variables to take overrides from (e.g. {@link System#getenv()}) */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public static ConfigLoader ignoringEnvironment() {
        return new ConfigLoader(Map.of());
    }

    /** The environment variables that override {@code node} keys. */
    public static List<String> environmentVariables() {
        return EnvironmentOverrides.variables();
    }

    public SentralConfig load(Path file) {
        String name = file.toString();
        try {
            return parse(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name, "(file)", "cannot read: " + e);
        }
    }

    /** Loads a file from the classpath, e.g. {@link #DEMO_RESOURCE}; errors name its file name. */
    public SentralConfig loadResource(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(name, "(file)", "no such resource on the classpath: " + resource);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name, "(file)", "cannot read: " + e);
        }
    }

    /** The tariff bundled with Sentral (R2). */
    public static final String TARIFF_RESOURCE = "io/sentral/config/tariff.yaml";

    /** Parses a tariff file (R2); errors name the file, the YAML path and the problem. */
    public io.sentral.core.billing.Tariff parseTariff(String sourceName, String yaml) {
        return TariffBinder.bind(YamlNode.root(readTree(sourceName, Objects.requireNonNull(yaml, "yaml")), sourceName));
    }

    /**
     * The tariff a node rates calls with (R2): {@code node.tariffFile} if set, else the bundled one.
     * Errors name the file and the YAML path, e.g. {@code /etc/sentral/tariff.yaml: rates.national.perMinute: ...}.
     */
    public io.sentral.core.billing.Tariff tariff(NodeSettings node) {
        if (node.tariffFile().isEmpty()) {
            return defaultTariff();
        }
        Path file = node.tariffFile().get();
        String name = file.toString();
        try {
            return parseTariff(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(name, "(file)", "cannot read the tariff file (node.tariffFile): " + e);
        }
    }

    /** The bundled tariff. */
    public io.sentral.core.billing.Tariff defaultTariff() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(TARIFF_RESOURCE)) {
            return parseTariff("tariff.yaml", new String(java.util.Objects.requireNonNull(in, TARIFF_RESOURCE)
                    .readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("tariff.yaml", "(file)", "cannot read: " + e);
        }
    }

    /** Parses YAML text; {@code sourceName} names it in error messages. */
    public SentralConfig parse(String sourceName, String yaml) {
        Objects.requireNonNull(sourceName, "sourceName");
        ObjectNode tree = readTree(sourceName, Objects.requireNonNull(yaml, "yaml"));
        EnvironmentOverrides.apply(environment, tree);
        YamlNode root = YamlNode.root(tree, sourceName).object(Set.of(TOP_LEVEL_KEYS.split(", ")));
        NodeSettings node = NodeBinder.bind(root.optional("node"));
        List<GatewaySettings> gateways = GatewayBinder.bind(root.elements("gateways"));
        NumberPlanSettings numberPlan = NumberPlanBinder.bind(root.optional("numberPlan"));
        Uniques globalIds = new Uniques();
        CustomerBinder customerBinder = new CustomerBinder(node.sip().domain(), globalIds);
        var customers = customerBinder.bind(root.elements("customers"));
        var accounts = new WebAccountBinder(globalIds).operatorAccounts(root.elements("accounts"));
        var portedOut = PortabilityBinder.bind(root.optional("portability"), gateways, customerBinder.portedIn());
        return root.build(() -> new SentralConfig(node, gateways, customers, accounts, numberPlan, portedOut));
    }

    private ObjectNode readTree(String sourceName, String yaml) {
        JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String location = where == null ? "(file)" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new ConfigException(sourceName, location, "YAML syntax error: " + syntaxProblem(e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return mapper.createObjectNode();
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ConfigException(sourceName, "(top level)", "expected a mapping of " + TOP_LEVEL_KEYS);
        }
        return object;
    }

    /** SnakeYAML's problem and its context, or Jackson's first message line (e.g. for duplicate keys). */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            return marked.getProblem() + (marked.getContext() == null ? "" : " (" + marked.getContext() + ")");
        }
        String message = e.getOriginalMessage();
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.startsWith("Duplicate field ") ? "duplicate key " + line.substring("Duplicate field ".length()) : line;
    }
}
