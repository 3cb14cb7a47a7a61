package io.sentral.routing;

/** Where the presented caller-ID was read from (T5, RFC 3325 §9.1-9.2). */
enum IdentitySource {
    P_ASSERTED_IDENTITY("P-Asserted-Identity"),
    P_PREFERRED_IDENTITY("P-Preferred-Identity"),
    FROM("From");

    private final String header;

    IdentitySource(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }
}
