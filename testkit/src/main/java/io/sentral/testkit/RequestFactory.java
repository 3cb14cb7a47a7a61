package io.sentral.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the messages of one agent: out-of-dialog requests (RFC 3261 §8.1.1), ACK for 2xx (§13.2.2.4)
 * and for non-2xx (§17.1.1.3), CANCEL (§9.1), requests inside a dialog (§12.2.1.1) and responses
 * (§8.2.6). Pure: it only knows the agent's address and transport; the agent sends.
 */
final class RequestFactory {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS";

    private final String transport;
    private final String host;
    private final int port;
    private final String userAgent;

    RequestFactory(String transport, String host, int port, String userAgent) {
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.userAgent = userAgent;
    }

    /** A fresh topmost Via for a new client transaction, asking for rport (RFC 3581). */
    String via() {
        return "SIP/2.0/" + transport + " " + host + ":" + port + ";branch=" + Tokens.branch() + ";rport";
    }

    /** Our Contact, with {@code user} as user part if not empty. */
    String contact(String user) {
        String userPart = user.isEmpty() ? "" : user + "@";
        String params = transport.equals("UDP") ? "" : ";transport=" + transport.toLowerCase(java.util.Locale.ROOT);
        return "<sip:" + userPart + host + ":" + port + params + ">";
    }

    SipMessage register(String user, String domain, Duration expires) {
        NameAddr aor = NameAddr.of("sip:" + user + "@" + domain);
        return request("REGISTER", "sip:" + domain, aor.withParam("tag", Tokens.tag()), aor, Tokens.callId(host), 1)
                .header("Contact", contact(user))
                .header("Expires", Long.toString(expires.toSeconds()))
                .build();
    }

    /** @param from a number (becomes {@code sip:<number>@<our host>}) or a whole sip:/tel: URI */
    SipMessage invite(String from, String toUri, String sdp) {
        boolean isUri = from.startsWith("sip:") || from.startsWith("sips:") || from.startsWith("tel:");
        NameAddr fromAddr = NameAddr.of(isUri ? from : "sip:" + from + "@" + host).withParam("tag", Tokens.tag());
        String contactUser = isUri ? userOf(from) : from;
        return request("INVITE", toUri, fromAddr, NameAddr.of(toUri), Tokens.callId(host), 1)
                .header("Contact", contact(contactUser))
                .header("Allow", ALLOW)
                .body("application/sdp", sdp)
                .build();
    }

    SipMessage options(String uri) {
        return request("OPTIONS", uri, NameAddr.of("sip:" + host + ":" + port).withParam("tag", Tokens.tag()),
                NameAddr.of(uri), Tokens.callId(host), 1)
                .header("Accept", "application/sdp")
                .build();
    }

    /** ACK for a 2xx: its own transaction, to the remote target, along the route set (§13.2.2.4). */
    SipMessage ackFor2xx(SipMessage invite, SipMessage response) {
        Dialog dialog = Dialog.asUac(invite, response);
        SipMessage.Builder ack = SipMessage.request("ACK", dialog.remoteTarget())
                .header("Via", via())
                .header("Max-Forwards", "70");
        dialog.routeSet().forEach(r -> ack.header("Route", r));
        return ack.header("From", invite.header("From").orElseThrow())
                .header("To", response.header("To").orElseThrow())
                .header("Call-ID", invite.callId())
                .header("CSeq", invite.cseq().number() + " ACK")
                .build();
    }

    /** ACK for a final non-2xx: part of the INVITE transaction, same branch and Route (§17.1.1.3). */
    SipMessage ackForNon2xx(SipMessage invite, SipMessage response) {
        return sameTransaction(invite, "ACK", response.header("To").orElseThrow());
    }

    /** CANCEL: same Request-URI, Call-ID, From, To, CSeq number and top Via as the INVITE (§9.1). */
    SipMessage cancel(SipMessage invite) {
        return sameTransaction(invite, "CANCEL", invite.header("To").orElseThrow());
    }

    private SipMessage sameTransaction(SipMessage invite, String method, String to) {
        SipMessage.Builder b = SipMessage.request(method, invite.requestUri())
                .header("Via", invite.topVia().toString())
                .header("Max-Forwards", "70");
        invite.headers("Route").forEach(r -> b.header("Route", r));
        return b.header("From", invite.header("From").orElseThrow())
                .header("To", to)
                .header("Call-ID", invite.callId())
                .header("CSeq", invite.cseq().number() + " " + method)
                .build();
    }

    /** A request inside {@code dialog} with CSeq {@code cseq} (§12.2.1.1); INVITE carries our Contact. */
    SipMessage inDialog(Dialog dialog, String method, long cseq, String contentType, String body) {
        SipMessage.Builder b = SipMessage.request(method, dialog.remoteTarget())
                .header("Via", via())
                .header("Max-Forwards", "70");
        dialog.routeSet().forEach(r -> b.header("Route", r));
        b.header("From", dialog.localParty().withParam("tag", dialog.localTag()).toString())
                .header("To", dialog.remoteParty().withParam("tag", dialog.remoteTag()).toString())
                .header("Call-ID", dialog.callId())
                .header("CSeq", cseq + " " + method)
                .header("User-Agent", userAgent);
        if (method.equals("INVITE") || method.equals("UPDATE")) {
            b.header("Contact", contact(""));
        }
        return b.body(contentType, body).build();
    }

    /**
     * A response to {@code request}: copies Via, From, To, Call-ID, CSeq; adds {@code toTag} when the
     * To has none; for INVITE 101–299 adds our Contact and copies Record-Route (§12.1.1). Extra
     * headers replace same-named ones; a body without Content-Type in the extras is SDP.
     */
    SipMessage response(SipMessage request, int status, String reason, Optional<String> toTag,
                        Map<String, String> extraHeaders, String body) {
        SipMessage.Builder b = SipMessage.responseTo(request, status, reason);
        if (toTag.isPresent() && request.toTag().isEmpty()) {
            b.setHeader("To", request.header("To").orElseThrow() + ";tag=" + toTag.get());
        }
        if (request.method().equals("INVITE") && status > 100 && status < 300) {
            request.headers("Record-Route").forEach(r -> b.header("Record-Route", r));
            b.header("Contact", contact(""));
        }
        b.header("Server", userAgent);
        String contentType = "application/sdp";
        for (Map.Entry<String, String> extra : extraHeaders.entrySet()) {
            if (HeaderNames.key(extra.getKey()).equals("content-type")) {
                contentType = extra.getValue();
            } else {
                b.setHeader(extra.getKey(), extra.getValue());
            }
        }
        return b.body(contentType, Objects.requireNonNull(body, "body")).build();
    }

    private SipMessage.Builder request(String method, String uri, NameAddr from, NameAddr to, String callId, long cseq) {
        return SipMessage.request(method, uri)
                .header("Via", via())
                .header("Max-Forwards", "70")
                .header("From", from.toString())
                .header("To", to.toString())
                .header("Call-ID", callId)
                .header("CSeq", cseq + " " + method)
                .header("User-Agent", userAgent);
    }

    private static String userOf(String uri) {
        return uri.startsWith("tel:") ? "" : SipUri.parse(uri).user().orElse("");
    }
}
