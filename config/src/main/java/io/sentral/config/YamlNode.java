package io.sentral.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A node of the parsed YAML tree that knows its path ({@code customers[0].trunks[1].numbers[2]}),
 * so that every binder can report a problem exactly where it is. Scalars are read strictly: a
 * number where text is expected is an error, because YAML 1.1 silently turns {@code +4722120000}
 * into an integer, {@code 0155} into the octal 109 and {@code NO} into {@code false}.
 */
final class YamlNode {
    private final JsonNode node;
    private final String path;
    private final String source;

    private YamlNode(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    static YamlNode root(JsonNode node, String source) {
        return new YamlNode(node, "", source);
    }

    String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    ConfigException error(String problem) {
        return new ConfigException(source, path(), problem);
    }

    /** Requires a mapping whose keys are all in {@code allowed}. */
    YamlNode object(Set<String> allowed) {
        if (!node.isObject()) {
            throw error("expected a mapping of " + String.join(", ", new TreeSet<>(allowed)) + ", found "
                    + describe(node));
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (!allowed.contains(property.getKey())) {
                throw child(property.getKey()).error("unknown key (expected one of: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return this;
    }

    /** The entries of a mapping whose keys are data (e.g. country codes), in file order. */
    Map<String, YamlNode> mapping() {
        if (!node.isObject()) {
            throw error("expected a mapping, found " + describe(node));
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            entries.put(property.getKey(), child(property.getKey()));
        }
        return entries;
    }

    /** The value under {@code key}, or empty when absent or {@code null}. */
    Optional<YamlNode> optional(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(key));
    }

    YamlNode required(String key) {
        return optional(key).orElseThrow(() -> child(key).error("missing"));
    }

    YamlNode required(String key, String why) {
        return optional(key).orElseThrow(() -> child(key).error("missing: " + why));
    }

    boolean has(String key) {
        return optional(key).isPresent();
    }

    /** The elements of a sequence; absent means empty. */
    List<YamlNode> elements(String key) {
        return optional(key).map(YamlNode::elements).orElse(List.of());
    }

    List<YamlNode> elements() {
        if (!node.isArray()) {
            throw error("expected a list, found " + describe(node));
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new YamlNode(node.get(i), path + "[" + i + "]", source));
        }
        return items;
    }

    boolean isMapping() {
        return node.isObject();
    }

    /** Text; plain integers are accepted as their digits (e.g. an extension {@code 101}). */
    String text() {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && !node.asText().startsWith("-")) {
            return node.asText();
        }
        throw error("expected text, found " + describe(node));
    }

    /** Text that must be quoted in YAML because it may start with 0 or look like a number. */
    String quoted(String example) {
        if (!node.isTextual()) {
            throw error("write this value as quoted text, e.g. " + example + " (found " + describe(node) + ")");
        }
        return node.textValue();
    }

    String nonBlankText() {
        String text = text();
        if (text.isBlank()) {
            throw error("must not be empty");
        }
        return text;
    }

    /** A YAML boolean, {@code true} or {@code false}; text such as {@code "true"} is refused. */
    boolean bool() {
        if (!node.isBoolean()) {
            throw error("expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    int integer(int min, int max) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected an integer, found " + describe(node));
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw error(value + " is outside " + min + "-" + max);
        }
        return value;
    }

    /**
     * A decimal amount, written as a YAML number ({@code 5000}, {@code 1234.50}) or quoted text;
     * read exactly, never through a binary floating-point value.
     */
    BigDecimal decimal() {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw error("not a decimal amount: '" + node.textValue() + "' (e.g. 5000 or 1234.50)");
            }
        }
        throw error("expected a decimal amount, found " + describe(node));
    }

    Duration duration() {
        if (!node.isTextual()) {
            throw error("not a duration: " + describe(node) + " (give a unit: ms, s, m or h, e.g. 15s)");
        }
        return parse(Durations::parse);
    }

    E164Number number() {
        rejectUnquotedNumber();
        return parse(E164Number::of);
    }

    NumberRange range() {
        rejectUnquotedNumber();
        return parse(NumberRange::parse);
    }

    private void rejectUnquotedNumber() {
        if (node.isNumber()) {
            throw error("write numbers as quoted text, e.g. \"+4722120000\" (found " + node.asText() + ")");
        }
    }

    /** Parses the text with a value factory; its {@link IllegalArgumentException} becomes the problem. */
    <T> T parse(Function<String, T> factory) {
        String text = text();
        try {
            return factory.apply(text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** Builds a value of this node; its {@link IllegalArgumentException} becomes the problem here. */
    <T> T build(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** An enum constant written in kebab case: {@code longest-idle} for {@code LONGEST_IDLE}. */
    <E extends Enum<E>> E enumValue(Class<E> type, String what) {
        String text = node.isBoolean() ? null : text();
        for (E constant : type.getEnumConstants()) {
            if (kebab(constant).equals(text)) {
                return constant;
            }
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(YamlNode::kebab)
                .collect(Collectors.joining(", "));
        throw error("unknown " + what + " '" + (text == null ? node.asText() : text) + "' (expected one of: "
                + expected + ")");
    }

    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private YamlNode child(String key) {
        return new YamlNode(node.path(key), path.isEmpty() ? key : path + "." + key, source);
    }

    private static String describe(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText() + " (YAML reads yes/no/on/off/NO as booleans: quote it)";
        }
        return value.isTextual() ? "'" + value.textValue() + "'" : value.asText();
    }
}
