package io.sentral.core.tenant;

import java.util.Objects;

/** Where a SIP peer listens: host (IP literal or name), port and transport. */
public record SipEndpoint(String host, int port, Transport transport) {
    public SipEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        if (host.isBlank()) {
            throw new IllegalArgumentException("endpoint host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** Parses {@code host}, {@code host:port} with UDP and port 5060 as defaults. */
    public static SipEndpoint parse(String text) {
        String t = Objects.requireNonNull(text, "endpoint").trim();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            return new SipEndpoint(t, 5060, Transport.UDP);
        }
        try {
            return new SipEndpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)), Transport.UDP);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in endpoint '" + text + "'");
        }
    }

    /** A SIP URI for this endpoint, with {@code user} as user part if given. */
    public String uri(String user) {
        String userPart = user == null || user.isEmpty() ? "" : user + "@";
        String params = transport == Transport.UDP ? "" : ";transport=" + transport.lowerCase();
        return "sip:" + userPart + host + ":" + port + params;
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + transport.lowerCase();
    }
}
