package io.sentral.testkit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A From/To/Contact/Route value (RFC 3261 §20.10, §25.1 name-addr / addr-spec): optional display
 * name, URI and header parameters such as {@code tag} or {@code expires}. Without angle brackets,
 * every parameter after the URI belongs to the header, as the RFC says.
 */
public record NameAddr(Optional<String> displayName, String uri, Map<String, String> params) {
    public NameAddr {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(uri, "uri");
        params = Params.copy(params);
        if (uri.isBlank()) {
            throw new IllegalArgumentException("name-addr without URI");
        }
    }

    public static NameAddr of(String uri) {
        return new NameAddr(Optional.empty(), uri, Map.of());
    }

    public static NameAddr parse(String value) {
        String text = Objects.requireNonNull(value, "value").trim();
        Optional<String> display = Optional.empty();
        int rest = 0;
        if (text.startsWith("\"")) {
            int close = closingQuote(text);
            display = Optional.of(text.substring(1, close).replace("\\\"", "\"").replace("\\\\", "\\"));
            rest = close + 1;
        }
        int open = text.indexOf('<', rest);
        if (open >= 0) {
            int close = text.indexOf('>', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '<' in '" + value + "'");
            }
            if (display.isEmpty() && !text.substring(0, open).isBlank()) {
                display = Optional.of(text.substring(0, open).trim());
            }
            return new NameAddr(display, text.substring(open + 1, close).trim(),
                    Params.parse(text.substring(close + 1)));
        }
        String spec = text.substring(rest).trim();
        int semi = spec.indexOf(';');
        return semi < 0 ? new NameAddr(display, spec, Map.of())
                : new NameAddr(display, spec.substring(0, semi), Params.parse(spec.substring(semi)));
    }

    private static int closingQuote(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed quote in '" + text + "'");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> tag() {
        return param("tag");
    }

    public NameAddr withParam(String name, String value) {
        return new NameAddr(displayName, uri, Params.with(params, name, value));
    }

    public NameAddr withoutParam(String name) {
        return new NameAddr(displayName, uri, Params.without(params, name));
    }

    /** The URI parsed as a SIP URI. */
    public SipUri sipUri() {
        return SipUri.parse(uri);
    }

    /** Always in name-addr form (angle brackets), so URI parameters never mix with header ones. */
    @Override
    public String toString() {
        String name = displayName.map(d -> "\"" + d.replace("\\", "\\\\").replace("\"", "\\\"") + "\" ").orElse("");
        return name + "<" + uri + ">" + Params.format(params);
    }
}
