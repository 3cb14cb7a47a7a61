package io.sentral.core.route;

import java.util.Objects;

/**
 * One place to try a call: {@code uri} is the next hop's SIP URI (a registered Contact, a static
 * trunk or a gateway); the edge puts the plan's request user into it. {@code label} names the
 * target in logs ({@code contact 1 of acme-pbx}, {@code gateway carrier-1}).
 */
public record Destination(String uri, String label) {
    public Destination {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(label, "label");
    }
}
