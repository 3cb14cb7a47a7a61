package io.sentral.core.tenant;

import java.util.Locale;

/** SIP transports (T1). */
public enum Transport {
    UDP, TCP, TLS;

    public static Transport parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + text + "' (expected udp, tcp or tls)");
        }
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
