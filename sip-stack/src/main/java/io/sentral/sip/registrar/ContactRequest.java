package io.sentral.sip.registrar;

import java.util.Optional;

/** One Contact of a REGISTER: its URI, its own {@code expires} parameter and {@code q}, if given. */
public record ContactRequest(String uri, Optional<Long> expires, float q) {
}
