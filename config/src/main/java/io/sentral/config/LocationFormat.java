package io.sentral.config;

/** How an emergency gateway wants the caller's civic address (T6). */
public enum LocationFormat {
    /** PIDF-LO by value in a multipart body with a Geolocation header (RFC 6442, RFC 4119). */
    PIDF_LO,
    /** One plain header, {@code X-Civic-Address: Storgata 1, 0155 Oslo, NO}, for gateways without PIDF-LO. */
    HEADER
}
