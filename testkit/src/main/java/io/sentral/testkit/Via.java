package io.sentral.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via entry (RFC 3261 §20.42, §18.2.1): transport, sent-by and parameters ({@code branch},
 * {@code received}, {@code rport}, RFC 3581).
 */
public record Via(String transport, String host, OptionalInt port, Map<String, String> params) {
    public Via {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        params = Params.copy(params);
        transport = transport.toUpperCase(Locale.ROOT);
    }

    public static Via parse(String value) {
        String t = Objects.requireNonNull(value, "value").trim();
        String[] protocol = t.split("\\s*/\\s*", 3);
        if (protocol.length != 3 || !protocol[0].equalsIgnoreCase("SIP")) {
            throw new IllegalArgumentException("not a Via: '" + value + "'");
        }
        String rest = protocol[2];
        int space = firstWhitespace(rest);
        if (space < 0) {
            throw new IllegalArgumentException("Via without sent-by: '" + value + "'");
        }
        String transport = rest.substring(0, space);
        String sentByAndParams = rest.substring(space).trim();
        int semi = sentByAndParams.indexOf(';');
        String sentBy = (semi < 0 ? sentByAndParams : sentByAndParams.substring(0, semi)).replace(" ", "");
        Map<String, String> params = semi < 0 ? Map.of() : Params.parse(sentByAndParams.substring(semi));
        SipUri hostPort = SipUri.parse("sip:" + sentBy);
        return new Via(transport, hostPort.host(), hostPort.port(), params);
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> branch() {
        return param("branch");
    }

    public Via withParam(String name, String value) {
        return new Via(transport, host, port, Params.with(params, name, value));
    }

    @Override
    public String toString() {
        return "SIP/2.0/" + transport + " " + host + (port.isPresent() ? ":" + port.getAsInt() : "")
                + Params.format(params);
    }
}
