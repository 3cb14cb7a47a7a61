package io.sentral.sip.b2bua;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.call.EndCause;
import io.sentral.core.route.CallRouter;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.policy.PolicyEventListener;
import io.sentral.core.route.EmergencyContext;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import io.sentral.sip.auth.DigestAuthenticator;
import io.sentral.sip.auth.DigestHeaders;
import io.sentral.sip.emergency.LocationLookup;
import io.sentral.sip.emergency.CallerLocation;
import io.sentral.sip.emergency.LocationFormats;
import io.sentral.sip.internal.SipContext;
import java.time.Clock;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A new INVITE (outside a dialog): REQINIT checks → who sent it ({@link OriginResolver}) →
 * routing decision ({@link CallRouter}) → execution: a rejection answered here, or a
 * {@link B2buaCall} that places the outgoing leg. Mirrors a Kamailio request route.
 */
public final class InviteHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InviteHandler.class);

    private final SipContext sip;
    private final OriginResolver origins;
    private final DigestAuthenticator authenticator;
    private final CallRouter router;
    private final CallServices calls;
    private final PolicyEventListener policyEvents;
    private final LocationLookup locations;

    public InviteHandler(SipContext sip, OriginResolver origins, DigestAuthenticator authenticator, CallRouter router,
                         CallServices calls, PolicyEventListener policyEvents, LocationLookup locations) {
        this.sip = sip;
        this.origins = origins;
        this.authenticator = authenticator;
        this.router = router;
        this.calls = calls;
        this.policyEvents = policyEvents;
        this.locations = locations;
    }

    /** Whether {@code invite} dials an emergency number (T6): such a call is never dropped at the edge. */
    public boolean dialsEmergency(Request invite) {
        return dialledOf(invite.getRequestURI()).map(router::isEmergency).orElse(false);
    }

    public void handle(ServerTransaction tx, String sourceIp, int sourcePort) {
        Request invite = tx.getRequest();
        String source = sourceIp + ":" + sourcePort;
        sip.answer(tx, Response.TRYING, null);
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
            sip.answer(tx, Response.TOO_MANY_HOPS, null);
            return;
        }
        Optional<String> dialled = dialledOf(invite.getRequestURI());
        if (dialled.isEmpty()) {
            sip.answer(tx, Response.ADDRESS_INCOMPLETE, "Address Incomplete (no number in the Request-URI)");
            return;
        }
        switch (origins.resolve(invite, sourceIp)) {
            case OriginResolver.Result.Challenge challenge -> challenge(tx, challenge.stale());
            case OriginResolver.Result.Forbidden forbidden -> {
                LOG.warn("INVITE from {} refused: {}", source, forbidden.reason());
                sip.signalling().authenticationFailed(Request.INVITE);
                sip.blocker().authenticationFailed(sourceIp);
                sip.answer(tx, Response.FORBIDDEN, "Forbidden (authentication failed)");
            }
            case OriginResolver.Result.BadRequest bad -> {
                LOG.warn("INVITE from {} has bad credentials: {}", source, bad.reason());
                sip.answer(tx, Response.BAD_REQUEST, "Bad Request (" + bad.reason() + ")");
            }
            case OriginResolver.Result.Resolved resolved -> route(tx, resolved.origin(), dialled.get(), source);
        }
    }

    private void challenge(ServerTransaction tx, boolean stale) {
        Response response = sip.response(tx.getRequest(), Response.PROXY_AUTHENTICATION_REQUIRED, null);
        DigestHeaders.addChallenges(response, sip.headers(), ProxyAuthenticateHeader.NAME,
                authenticator.challenges(stale));
        sip.send(tx, response);
    }

    private void route(ServerTransaction tx, CallOrigin origin, String dialled, String source) {
        Request invite = tx.getRequest();
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        String fromUser = userOf(from.getAddress().getURI()).orElse("anonymous");
        CallRequest request = new CallRequest(callId, origin, dialled, fromUser,
                identityUser(invite, "P-Asserted-Identity"), identityUser(invite, "P-Preferred-Identity"),
                headerValue(invite, "Privacy"));
        if (origin instanceof CallOrigin.CustomerTrunk trunk) {
            MDC.put("tenant", trunk.tenant().value());
            MDC.put("trunk", trunk.trunk().value());
        } else if (origin instanceof CallOrigin.SwitchboardUser user) {
            MDC.put("tenant", user.tenant().value());
        }
        RoutePlan plan = router.route(request);
        LOG.info("route {} -> {}: {}", fromUser, dialled, plan);
        plan.events().forEach(event -> policyEvents.onPolicyEvent(callId, event));
        if (plan instanceof RoutePlan.Reject reject) {
            reject(tx, request, reject, source);
            return;
        }
        boolean emergency = plan instanceof RoutePlan.Forward f && f.emergency().isPresent();
        if (calls.registry().find(callId).isPresent() && !emergency) {
            // a second INVITE with a live call's Call-ID would take over its registry entry
            reject(tx, request, new RoutePlan.Reject(Response.LOOP_DETECTED,
                    "Loop Detected (Call-ID already in use by a call in progress)", plan.rule()), source);
            return;
        }
        Dialog dialog;
        try {
            dialog = sip.provider().getNewDialog(tx);
        } catch (SipException e) {
            LOG.warn("cannot create dialog for {}: {}", callId, e.toString());
            reject(tx, request, new RoutePlan.Reject(Response.SERVER_INTERNAL_ERROR,
                    "Server Internal Error (cannot create the dialog)", plan.rule()), source);
            return;
        }
        Optional<CallerLocation> location = Optional.empty();
        if (plan instanceof RoutePlan.Forward forward) {
            forward.tenant().ifPresent(t -> MDC.put("tenant", t.value()));
            forward.trunk().ifPresent(t -> MDC.put("trunk", t.value()));
            location = forward.emergency().flatMap(e -> locate(callId, forward, e));
        }
        Optional<io.sentral.core.switchboard.UserId> callerUser = request.origin() instanceof CallOrigin.SwitchboardUser u
                ? Optional.of(u.user()) : Optional.empty();
        new B2buaCall(calls, tx, dialog, plan, location, callerUser).start(source);
    }

    /**
     * An emergency caller's registered address, looked up within the budget; a missing address
     * never stops the call, it raises the alarm (ERROR log and metric).
     */
    private Optional<CallerLocation> locate(String callId, RoutePlan.Forward plan, EmergencyContext emergency) {
        LocationLookup.Result result = locations.locate(emergency.locationNumber());
        TenantId tenant = plan.tenant().orElseThrow();
        TrunkId trunk = plan.trunk().orElseThrow();
        return switch (result) {
            case LocationLookup.Result.Found found -> {
                LOG.info("emergency call {} from {} located at {}", emergency.service(), emergency.locationNumber(),
                        found.address());
                policyEvents.onPolicyEvent(callId, new PolicyEvent.EmergencyLocation(tenant, trunk, true,
                        found.address().oneLine()));
                yield Optional.of(new CallerLocation(emergency.locationNumber(), found.address(), calls.clock().instant()));
            }
            case LocationLookup.Result.Missing missing -> {
                LOG.error("EMERGENCY CALL WITHOUT LOCATION: {} from {} (tenant {}, trunk {}) goes out without an "
                        + "address: {}", emergency.service(), emergency.locationNumber(), tenant, trunk, missing.reason());
                policyEvents.onPolicyEvent(callId, new PolicyEvent.EmergencyLocation(tenant, trunk, false,
                        missing.reason()));
                yield Optional.empty();
            }
        };
    }

    private void reject(ServerTransaction tx, CallRequest request, RoutePlan.Reject reject, String source) {
        Response response = sip.response(tx.getRequest(), reject.status(), reject.reason());
        reject.retryAfter().ifPresent(delay -> {
            try {
                response.setHeader(sip.headers().createRetryAfterHeader((int) Math.max(1, delay.toSeconds())));
            } catch (javax.sip.InvalidArgumentException e) {
                throw new IllegalStateException(e);
            }
        });
        sip.send(tx, response);
        Optional<TenantId> tenant = Optional.empty();
        Optional<TrunkId> trunk = Optional.empty();
        CallDirection direction = CallDirection.INBOUND;
        if (request.origin() instanceof CallOrigin.CustomerTrunk t) {
            tenant = Optional.of(t.tenant());
            trunk = Optional.of(t.trunk());
            direction = CallDirection.OUTBOUND;
        } else if (request.origin() instanceof CallOrigin.SwitchboardUser u) {
            tenant = Optional.of(u.tenant());
            direction = CallDirection.OUTBOUND;
        }
        calls.events().onEvent(new CallEvent.Started(request.callId(), calls.clock().instant(), direction, tenant, trunk,
                request.fromUser(), request.requestUser(), source));
        calls.events().onEvent(new CallEvent.Ended(request.callId(), calls.clock().instant(), reject.status(), EndCause.REJECTED));
    }

    /** What was dialled: the Request-URI's user or number, or a whole service URN (RFC 5031, urn:service:sos). */
    static Optional<String> dialledOf(URI uri) {
        if ("urn".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(uri.toString().trim());
        }
        return userOf(uri);
    }

    /** The user part of a sip:/sips: URI or the number of a tel: URI. */
    static Optional<String> userOf(URI uri) {
        if (uri instanceof SipURI sipUri) {
            return Optional.ofNullable(sipUri.getUser()).filter(u -> !u.isBlank());
        }
        if (uri instanceof TelURL tel) {
            return Optional.of((tel.isGlobal() ? "+" : "") + tel.getPhoneNumber());
        }
        return Optional.empty();
    }

    private Optional<String> identityUser(Request request, String name) {
        Header header = request.getHeader(name);
        if (header == null) {
            return Optional.empty();
        }
        String value = header.toString().substring(header.toString().indexOf(':') + 1).trim();
        try {
            javax.sip.address.Address address = sip.addresses().createAddress(value);
            return userOf(address.getURI());
        } catch (java.text.ParseException e) {
            return Optional.of(value);
        }
    }

    private static Optional<String> headerValue(Request request, String name) {
        Header header = request.getHeader(name);
        if (header == null) {
            return Optional.empty();
        }
        return Optional.of(header.toString().substring(header.toString().indexOf(':') + 1).trim());
    }
}
