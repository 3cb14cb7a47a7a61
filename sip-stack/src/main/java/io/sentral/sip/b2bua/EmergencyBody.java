package io.sentral.sip.b2bua;

import io.sentral.config.LocationFormat;
import io.sentral.sip.emergency.CallerLocation;
import io.sentral.sip.emergency.PidfLo;
import io.sentral.sip.internal.SipContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * Location by value on an emergency INVITE (RFC 6442 §4.1): a {@code multipart/mixed} body with
 * the caller's SDP and the PIDF-LO, and a {@code Geolocation} header pointing at the PIDF-LO part
 * by Content-ID; or, for gateways configured for it, one plain {@code X-Civic-Address} header.
 */
final class EmergencyBody {
    static final String BOUNDARY = "sentral-location-boundary";

    private EmergencyBody() {
    }

    static final String CIVIC_ADDRESS_HEADER = "X-Civic-Address";

    static void attach(SipContext sip, Request received, CallerLocation location, LocationFormat format,
                       Request invite) throws ParseException {
        if (format == LocationFormat.HEADER) {
            Messages.copyBody(received, invite);
            invite.setHeader(sip.headers().createHeader(CIVIC_ADDRESS_HEADER, location.address().toString()));
            return;
        }
        String pidfLo = PidfLo.of(location.caller(), sip.settings().domain(), location.address(), location.foundAt());
        String contentId = "caller-location@" + sip.settings().domain();
        StringBuilder body = new StringBuilder();
        if (Messages.hasBody(received)) {
            ContentTypeHeader type = (ContentTypeHeader) received.getHeader(ContentTypeHeader.NAME);
            body.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Type: ").append(type.getContentType()).append('/')
                    .append(type.getContentSubType()).append("\r\n\r\n")
                    .append(new String(received.getRawContent(), StandardCharsets.UTF_8));
            if (body.charAt(body.length() - 1) != '\n') {
                body.append("\r\n");
            }
        }
        body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Type: ").append(PidfLo.CONTENT_TYPE).append("\r\n")
                .append("Content-ID: <").append(contentId).append(">\r\n\r\n")
                .append(pidfLo)
                .append("--").append(BOUNDARY).append("--\r\n");
        ContentTypeHeader multipart = sip.headers().createContentTypeHeader("multipart", "mixed");
        multipart.setParameter("boundary", BOUNDARY);
        invite.setContent(body.toString().getBytes(StandardCharsets.UTF_8), multipart);
        invite.setHeader(sip.headers().createHeader("Geolocation", "<cid:" + contentId + ">"));
        invite.setHeader(sip.headers().createHeader("Geolocation-Routing", "yes"));
    }
}
