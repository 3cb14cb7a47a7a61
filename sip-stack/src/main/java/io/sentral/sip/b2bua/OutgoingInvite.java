package io.sentral.sip.b2bua;

import io.sentral.core.call.Diversion;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.sip.emergency.CallerLocation;
import io.sentral.sip.emergency.LocationFormats;
import io.sentral.sip.internal.SipContext;
import java.util.List;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.message.Request;

/**
 * Builds the INVITE of an outgoing leg from the incoming one (ARCHITECTURE rule 2: a fresh
 * request, nothing of A's mutated): new Call-ID and tags, the caller's identity (T5), the
 * redirections so far as Diversion headers (RFC 5806, newest first, with a counter), SDP passed
 * through, or the emergency caller's location (T6).
 */
final class OutgoingInvite {
    private static final String[] COPIED_HEADERS = {"Allow", "Supported", "Accept", "Session-Expires", "Min-SE"};

    /**
     * @param requestUser  the user part to put into the destination's URI (a trunk or gateway); empty
     *                     = the destination URI is the exact Request-URI (a registered device)
     */
    record Target(Destination destination, Optional<String> requestUser) {
    }

    private final SipContext sip;
    private final Request aRequest;
    private final int lane;

    OutgoingInvite(SipContext sip, Request aRequest, int lane) {
        this.sip = sip;
        this.aRequest = aRequest;
        this.lane = lane;
    }

    static String[] copiedHeaders() {
        return COPIED_HEADERS.clone();
    }

    /**
     * @param lateOffer send no SDP: the callee makes the offer in its 2xx (a transfer target, whose
     *                  media is then negotiated with the transferee, RFC 3725)
     */
    Request build(Target target, CallerIdentity caller, List<Diversion> diversions,
                  Optional<CallerLocation> location, LocationFormats locationFormats, boolean lateOffer)
            throws Exception {
        SipURI nextHop = (SipURI) sip.addresses().createURI(target.destination().uri());
        String transport = Optional.ofNullable(nextHop.getTransportParam()).orElse("udp");
        boolean serviceUrn = target.requestUser().filter(u -> u.startsWith("urn:")).isPresent();
        URI requestUri;
        Address toAddress;
        if (serviceUrn) {
            // RFC 5031: the service URN is the Request-URI; the gateway is reached by a Route
            requestUri = sip.addresses().createURI(target.requestUser().get());
            toAddress = sip.addresses().createAddress(requestUri);
        } else if (target.requestUser().isPresent()) {
            SipURI withUser = (SipURI) nextHop.clone();
            withUser.setUser(target.requestUser().get());
            requestUri = withUser;
            toAddress = sip.addresses().createAddress(
                    sip.addresses().createSipURI(target.requestUser().get(), nextHop.getHost()));
        } else {
            requestUri = nextHop;
            SipURI to = (SipURI) nextHop.clone();
            to.removeParameter("transport");
            toAddress = sip.addresses().createAddress(to);
        }
        Address fromAddress = CallerIdentityHeaders.fromAddress(sip, caller,
                (FromHeader) aRequest.getHeader(FromHeader.NAME));
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) aRequest.getHeader(MaxForwardsHeader.NAME);
        int hops = maxForwards == null ? 70 : maxForwards.getMaxForwards() - 1;
        Request invite = sip.messages().createRequest(requestUri, Request.INVITE,
                sip.headers().createCallIdHeader(sip.newCallId(lane)),
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                sip.headers().createFromHeader(fromAddress, SipContext.newTag()),
                sip.headers().createToHeader(toAddress, null),
                List.of(sip.via(transport)),
                sip.headers().createMaxForwardsHeader(hops));
        invite.setHeader(sip.contact(transport));
        if (serviceUrn) {
            nextHop.setLrParam();
            invite.setHeader(sip.headers().createRouteHeader(sip.addresses().createAddress(nextHop)));
        }
        for (String name : COPIED_HEADERS) {
            Messages.copyHeaders(aRequest, invite, name);
        }
        CallerIdentityHeaders.assertIdentity(sip, caller, invite);
        addDiversions(invite, diversions);
        if (location.isPresent()) {
            EmergencyBody.attach(sip, aRequest, location.get(), locationFormats.of(target.destination().uri()),
                    invite);
        } else if (!lateOffer) {
            Messages.copyBody(aRequest, invite);
        }
        return invite;
    }

    /** RFC 5806 §4: the most recent diversion first; counter = how often the call has been diverted. */
    private void addDiversions(Request invite, List<Diversion> diversions) throws Exception {
        for (int i = diversions.size() - 1; i >= 0; i--) {
            Diversion d = diversions.get(i);
            invite.addHeader(sip.headers().createHeader("Diversion", "<sip:" + d.divertingNumber() + "@"
                    + sip.settings().domain() + ">;reason=" + d.reason().token() + ";counter=" + (i + 1)));
        }
    }
}
