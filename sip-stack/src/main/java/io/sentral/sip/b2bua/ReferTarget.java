package io.sentral.sip.b2bua;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;

/**
 * What a REFER's Refer-To names (RFC 3515 §2.1): the target as dialled (user part or tel number),
 * and for an attended transfer the Call-ID of the dialog to replace, from the URI's embedded
 * {@code Replaces} header (RFC 3891 §3, escaped: {@code Replaces=callid%3Bto-tag%3D..}).
 */
record ReferTarget(String user, Optional<String> replacesCallId) {

    static Optional<ReferTarget> of(Request refer) {
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        if (referTo == null || referTo.getAddress() == null) {
            return Optional.empty();
        }
        URI uri = referTo.getAddress().getURI();
        Optional<String> user = InviteHandler.userOf(uri);
        Optional<String> replaces = Optional.empty();
        if (uri instanceof SipURI sipUri) {
            String raw = sipUri.getHeader("Replaces");
            if (raw != null) {
                String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
                int semicolon = decoded.indexOf(';');
                replaces = Optional.of((semicolon < 0 ? decoded : decoded.substring(0, semicolon)).trim())
                        .filter(id -> !id.isEmpty());
            }
        } else if (!(uri instanceof TelURL)) {
            return Optional.empty();
        }
        if (user.isEmpty() && replaces.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReferTarget(user.orElse(""), replaces));
    }
}
