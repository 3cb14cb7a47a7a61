package io.sentral.sip.b2bua;

import io.sentral.core.route.CallerIdentity;
import io.sentral.sip.internal.SipContext;
import java.text.ParseException;
import javax.sip.address.Address;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;

/**
 * The caller's identity on an outgoing leg (T5, RFC 3325 and RFC 3323). The leg is built fresh, so
 * none of the identity headers the customer sent (P-Asserted-Identity, P-Preferred-Identity,
 * Remote-Party-ID, Privacy) reach the network; Sentral asserts only the verified number. With
 * privacy the From becomes anonymous while P-Asserted-Identity still carries the number, marked
 * {@code Privacy: id} for the trusted network to withhold from the callee.
 */
final class CallerIdentityHeaders {
    static final String ANONYMOUS_URI = "sip:anonymous@anonymous.invalid";

    private CallerIdentityHeaders() {
    }

    static Address fromAddress(SipContext sip, CallerIdentity caller, FromHeader received) throws ParseException {
        if (caller.privacy()) {
            Address anonymous = sip.addresses().createAddress(ANONYMOUS_URI);
            anonymous.setDisplayName("Anonymous");
            return anonymous;
        }
        Address from = sip.addresses().createAddress(sip.addresses().createSipURI(caller.fromUser(),
                sip.settings().domain()));
        String display = received.getAddress().getDisplayName();
        if (display != null && !display.isBlank()) {
            from.setDisplayName(display);
        }
        return from;
    }

    static void assertIdentity(SipContext sip, CallerIdentity caller, Request invite) throws ParseException {
        if (caller.asserted().isEmpty()) {
            return;
        }
        invite.setHeader(sip.headers().createHeader("P-Asserted-Identity",
                "<sip:" + caller.asserted().get() + "@" + sip.settings().domain() + ";user=phone>"));
        if (caller.privacy()) {
            invite.setHeader(sip.headers().createHeader("Privacy", "id"));
        }
    }
}
