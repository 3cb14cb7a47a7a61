package io.sentral.sip.registrar;

import io.sentral.core.registration.Binding;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import io.sentral.sip.auth.DigestAuthenticator;
import io.sentral.sip.auth.DigestHeaders;
import io.sentral.sip.auth.DigestResponse;
import io.sentral.sip.auth.DigestVerdict;
import io.sentral.sip.internal.SipContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER (RFC 3261 §10.3): authenticates the request with digest, checks that the user may
 * register the address of record in To, applies {@link BindingRules} through the
 * {@link LocationService} and answers with the resulting bindings. Sits behind the dispatcher;
 * never answers 500 for bad credentials or bad input.
 */
public final class RegisterHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

    private final SipContext sip;
    private final DigestAuthenticator authenticator;
    private final Function<String, Optional<DigestCredentials>> credentials;
    private final LocationService location;
    private final BindingRules rules;
    private final Clock clock;

    public RegisterHandler(SipContext sip, DigestAuthenticator authenticator,
                           Function<String, Optional<DigestCredentials>> credentials, LocationService location,
                           BindingRules rules, Clock clock) {
        this.sip = sip;
        this.authenticator = authenticator;
        this.credentials = credentials;
        this.location = location;
        this.rules = rules;
        this.clock = clock;
    }

    public void handle(ServerTransaction tx, SipEndpoint source) {
        Request request = tx.getRequest();
        Optional<DigestResponse> answer = DigestHeaders.credentials(request, AuthorizationHeader.NAME,
                authenticator.realm());
        if (answer.isEmpty()) {
            challenge(tx, false);
            return;
        }
        DigestVerdict verdict = authenticator.verify(Request.REGISTER, answer.get(), credentials);
        switch (verdict) {
            case DigestVerdict.Accepted ok -> register(tx, ok.username(), source);
            case DigestVerdict.Stale stale -> challenge(tx, true);
            case DigestVerdict.UnknownNonce unknown -> challenge(tx, false);
            case DigestVerdict.Rejected rejected -> {
                LOG.warn("REGISTER from {} rejected: {}", source, rejected.reason());
                sip.signalling().authenticationFailed(Request.REGISTER);
                sip.blocker().authenticationFailed(source.host());
                sip.answer(tx, Response.FORBIDDEN, "Forbidden (authentication failed)");
            }
            case DigestVerdict.Malformed malformed -> {
                LOG.warn("REGISTER from {} has bad credentials: {}", source, malformed.reason());
                sip.answer(tx, Response.BAD_REQUEST, "Bad Request (" + malformed.reason() + ")");
            }
        }
    }

    private void challenge(ServerTransaction tx, boolean stale) {
        Response response = sip.response(tx.getRequest(), Response.UNAUTHORIZED, null);
        DigestHeaders.addChallenges(response, sip.headers(), WWWAuthenticateHeader.NAME,
                authenticator.challenges(stale));
        sip.send(tx, response);
    }

    private void register(ServerTransaction tx, String username, SipEndpoint source) {
        Request request = tx.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI toUri) || toUri.getUser() == null) {
            sip.answer(tx, Response.BAD_REQUEST, "Bad Request (To must be a sip: URI with a user)");
            return;
        }
        if (!toUri.getUser().equals(username)) {
            LOG.warn("REGISTER from {}: '{}' may not register '{}'", source, username, toUri.getUser());
            sip.answer(tx, Response.FORBIDDEN, "Forbidden (" + username + " may not register " + toUri.getUser() + ")");
            return;
        }
        Optional<RegisterRequest> parsed = parse(request, username + "@" + sip.settings().domain(), source);
        if (parsed.isEmpty()) {
            sip.answer(tx, Response.BAD_REQUEST, "Bad Request (unusable Contact or Expires)");
            return;
        }
        Instant now = clock.instant();
        RegisterRequest register = parsed.get();
        RegisterOutcome outcome = location.update(register.aor(), current -> rules.apply(current, register, now));
        switch (outcome) {
            case RegisterOutcome.Updated updated -> {
                if (updated.changed()) {
                    LOG.info("registered {}: {} contact(s) from {}", register.aor(), updated.bindings().size(), source);
                }
                sip.send(tx, ok(request, updated.bindings(), now));
            }
            case RegisterOutcome.TooBrief brief -> {
                Response response = sip.response(request, Response.INTERVAL_TOO_BRIEF, null);
                try {
                    response.setHeader(sip.headers().createMinExpiresHeader((int) brief.minExpiresSeconds()));
                } catch (InvalidArgumentException e) {
                    throw new IllegalStateException(e);
                }
                sip.send(tx, response);
            }
            case RegisterOutcome.Invalid invalid -> {
                LOG.warn("REGISTER from {} for {} refused: {}", source, register.aor(), invalid.reason());
                sip.answer(tx, Response.BAD_REQUEST, "Bad Request (" + invalid.reason() + ")");
            }
        }
    }

    private Optional<RegisterRequest> parse(Request request, String aor, SipEndpoint source) {
        List<ContactRequest> contacts = new ArrayList<>();
        boolean wildcard = false;
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            if (c.isWildCard() || c.getAddress() == null || "*".equals(c.getAddress().toString().trim())) {
                wildcard = true;
                continue;
            }
            int expires = c.getExpires();
            String q = c.getParameter("q");
            float qValue;
            try {
                qValue = q == null ? 1.0f : Float.parseFloat(q);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            contacts.add(new ContactRequest(c.getAddress().getURI().toString(),
                    expires < 0 ? Optional.empty() : Optional.of((long) expires), qValue));
        }
        ExpiresHeader expires = request.getExpires();
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return Optional.of(new RegisterRequest(aor, contacts, wildcard,
                expires == null ? Optional.empty() : Optional.of((long) expires.getExpires()),
                callId.getCallId(), cseq.getSeqNumber(), source));
    }

    private Response ok(Request request, List<Binding> bindings, Instant now) {
        Response response = sip.response(request, Response.OK, null);
        try {
            for (Binding b : bindings) {
                ContactHeader contact = sip.headers().createContactHeader(
                        sip.addresses().createAddress(b.contactUri()));
                contact.setExpires((int) Math.max(0, b.expiresAt().getEpochSecond() - now.getEpochSecond()));
                response.addHeader(contact);
            }
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(now.toEpochMilli());
            response.setHeader(sip.headers().createDateHeader(date));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot list bindings", e);
        }
        return response;
    }

    /** The endpoint a request came from, for logs and bindings. */
    public static SipEndpoint sourceOf(String ip, int port, Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        Transport transport;
        try {
            transport = Transport.parse(via.getTransport());
        } catch (IllegalArgumentException e) {
            transport = Transport.UDP;
        }
        return new SipEndpoint(ip, port, transport);
    }
}
