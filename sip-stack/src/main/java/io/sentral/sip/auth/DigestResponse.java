package io.sentral.sip.auth;

import java.util.Optional;

/**
 * The parameters of an {@code Authorization}/{@code Proxy-Authorization} Digest header as
 * received (RFC 3261 §22.4). Fields a client may omit are optional; the required ones are
 * checked by {@link DigestAuthenticator}.
 */
public record DigestResponse(Optional<String> username, Optional<String> realm, Optional<String> nonce,
                             Optional<String> uri, Optional<String> response, Optional<String> algorithm,
                             Optional<String> qop, Optional<String> cnonce, Optional<String> nonceCount) {
}
