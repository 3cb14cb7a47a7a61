package io.sentral.testkit;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code sip:}/{@code sips:} URI (RFC 3261 §19.1), enough of it for tests to see where a request
 * goes: user, host, port and parameters such as {@code transport} or {@code lr}. URI headers
 * ({@code ?...}) are dropped.
 */
public record SipUri(String scheme, Optional<String> user, String host, OptionalInt port, Map<String, String> params) {
    public SipUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        params = Params.copy(params);
        if (host.isBlank()) {
            throw new IllegalArgumentException("SIP URI without host");
        }
    }

    public static SipUri parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        int colon = t.indexOf(':');
        String scheme = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new IllegalArgumentException("not a sip: URI: '" + text + "'");
        }
        String rest = t.substring(colon + 1);
        int question = rest.indexOf('?');
        if (question >= 0) {
            rest = rest.substring(0, question);
        }
        Optional<String> user = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            int password = userInfo.indexOf(':');
            user = Optional.of(password < 0 ? userInfo : userInfo.substring(0, password));
            rest = rest.substring(at + 1);
        }
        int semi = rest.indexOf(';');
        String hostPort = semi < 0 ? rest : rest.substring(0, semi);
        Map<String, String> params = semi < 0 ? Map.of() : Params.parse(rest.substring(semi));
        String host = hostPort;
        OptionalInt port = OptionalInt.empty();
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        if (portColon >= 0) {
            host = hostPort.substring(0, portColon);
            try {
                port = OptionalInt.of(Integer.parseInt(hostPort.substring(portColon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in '" + text + "'", e);
            }
        }
        return new SipUri(scheme, user, host, port, params);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code transport} parameter in lower case; {@code udp} when absent. */
    public String transport() {
        return param("transport").map(t -> t.toLowerCase(Locale.ROOT)).orElse("udp");
    }

    /** Host and port to send to; the port defaults to 5060 (5061 for sips). */
    public InetSocketAddress socketAddress() {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return new InetSocketAddress(h, port.orElse(scheme.equals("sips") ? 5061 : 5060));
    }

    @Override
    public String toString() {
        return scheme + ":" + user.map(u -> u + "@").orElse("") + host
                + (port.isPresent() ? ":" + port.getAsInt() : "") + Params.format(params);
    }
}
