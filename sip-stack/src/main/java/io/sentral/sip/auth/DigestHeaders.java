package io.sentral.sip.auth;

import java.text.ParseException;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Moves digest data between JAIN-SIP headers and {@link DigestAuthenticator}: reads the
 * credentials a request carries for our realm and adds challenges to a 401/407.
 */
public final class DigestHeaders {

    private DigestHeaders() {
    }

    /**
     * The Digest credentials in {@code headerName} ({@code Authorization} or
     * {@code Proxy-Authorization}) for {@code realm}; the first Digest one if none names it.
     */
    public static Optional<DigestResponse> credentials(Request request, String headerName, String realm) {
        ListIterator<?> it = request.getHeaders(headerName);
        AuthorizationHeader fallback = null;
        while (it != null && it.hasNext()) {
            Object h = it.next();
            if (h instanceof AuthorizationHeader a && "Digest".equalsIgnoreCase(a.getScheme())) {
                if (realm.equals(a.getParameter("realm"))) {
                    return Optional.of(toResponse(a));
                }
                if (fallback == null) {
                    fallback = a;
                }
            }
        }
        return Optional.ofNullable(fallback).map(DigestHeaders::toResponse);
    }

    private static DigestResponse toResponse(AuthorizationHeader a) {
        return new DigestResponse(param(a, "username"), param(a, "realm"), param(a, "nonce"), param(a, "uri"),
                param(a, "response"), param(a, "algorithm"), param(a, "qop"), param(a, "cnonce"), param(a, "nc"));
    }

    private static Optional<String> param(AuthorizationHeader a, String name) {
        String value = a.getParameter(name);
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return Optional.of(v);
    }

    /** Adds one challenge header per value ({@code WWW-Authenticate} or {@code Proxy-Authenticate}). */
    public static void addChallenges(Response response, HeaderFactory headers, String headerName,
                                     java.util.List<String> challenges) {
        for (String value : challenges) {
            try {
                Header header = headers.createHeader(headerName, value);
                response.addHeader(header);
            } catch (ParseException e) {
                throw new IllegalStateException("cannot build challenge " + value, e);
            }
        }
    }
}
