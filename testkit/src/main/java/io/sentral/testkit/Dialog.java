package io.sentral.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The state of a SIP dialog that requests inside it need (RFC 3261 §12): Call-ID, the two tags,
 * the parties (From/To without tags), the remote target from the peer's Contact, the CSeq numbers
 * and the route set from Record-Route. Built from a 2xx (caller side, {@link #asUac}) or from a
 * received INVITE and our answer (callee side, {@link #asUas}), so either end can send BYE.
 *
 * @param localCseq  CSeq of the last request we sent in the dialog (the agent counts on from it)
 * @param remoteCseq CSeq of the last request the peer sent (0 if none yet)
 * @param routeSet   Route header values for our requests, in the order to send them
 */
public record Dialog(String callId, String localTag, String remoteTag, NameAddr localParty, NameAddr remoteParty,
                     String remoteTarget, long localCseq, long remoteCseq, List<String> routeSet) {
    public Dialog {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(localParty, "localParty");
        Objects.requireNonNull(remoteParty, "remoteParty");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
        localParty = localParty.withoutParam("tag");
        remoteParty = remoteParty.withoutParam("tag");
    }

    /** The caller's dialog, from the INVITE it sent and the 2xx (or tagged 1xx) it got (§12.1.2). */
    public static Dialog asUac(SipMessage invite, SipMessage response) {
        String remoteTag = response.toTag()
                .orElseThrow(() -> new IllegalArgumentException("response has no To tag: " + response.startLine()));
        String target = response.contact().map(NameAddr::uri)
                .orElseThrow(() -> new IllegalArgumentException("response has no Contact: " + response.startLine()));
        List<String> routes = new ArrayList<>(recordRoutes(response));
        Collections.reverse(routes);
        return new Dialog(invite.callId(), invite.fromTag().orElseThrow(() -> new IllegalArgumentException(
                "INVITE has no From tag")), remoteTag, invite.from(), response.to(), target, invite.cseq().number(), 0,
                routes);
    }

    /** The callee's dialog, from the INVITE it received and the tagged response it sent (§12.1.1). */
    public static Dialog asUas(SipMessage invite, SipMessage response) {
        String localTag = response.toTag()
                .orElseThrow(() -> new IllegalArgumentException("our response has no To tag: " + response.startLine()));
        String target = invite.contact().map(NameAddr::uri)
                .orElseThrow(() -> new IllegalArgumentException("INVITE has no Contact"));
        return new Dialog(invite.callId(), localTag, invite.fromTag().orElseThrow(() -> new IllegalArgumentException(
                "INVITE has no From tag")), invite.to(), invite.from(), target, 0, invite.cseq().number(),
                recordRoutes(invite));
    }

    private static List<String> recordRoutes(SipMessage message) {
        return message.headers("Record-Route").stream().flatMap(v -> HeaderNames.splitList(v).stream()).toList();
    }

    /** Where requests in the dialog go first: the top route, else the remote target. */
    public SipUri nextHop() {
        return routeSet.isEmpty() ? SipUri.parse(remoteTarget) : NameAddr.parse(routeSet.getFirst()).sipUri();
    }

    /** After a target refresh (re-INVITE, UPDATE) changed the peer's Contact. */
    public Dialog withRemoteTarget(String target) {
        return new Dialog(callId, localTag, remoteTag, localParty, remoteParty, target, localCseq, remoteCseq, routeSet);
    }

    public Dialog withLocalCseq(long cseq) {
        return new Dialog(callId, localTag, remoteTag, localParty, remoteParty, remoteTarget, cseq, remoteCseq, routeSet);
    }
}
