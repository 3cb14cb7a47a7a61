package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dialogs and in-dialog requests through two record-routing proxies (RFC 3261 §12, §13.2.2.4, §16.12). */
class DialogTest {
    private static final String P1 = "<sip:p1.example;lr>";
    private static final String P2 = "<sip:p2.example:5070;lr>";

    private final RequestFactory alice = new RequestFactory("UDP", "127.0.0.1", 5061, "alice");
    private final RequestFactory bob = new RequestFactory("UDP", "127.0.0.2", 5062, "bob");

    /** Alice -> P1 -> P2 -> Bob: Bob sees Record-Route P2, P1 (topmost = nearest to him). */
    private final SipMessage invite = alice.invite("+4791234567", "sip:+4722120005@sentral.test", "");
    private final SipMessage atBob = invite.toBuilder().prependHeader("Record-Route", P1).prependHeader("Record-Route", P2)
            .build();
    private final SipMessage ok = bob.response(atBob, 200, "OK", Optional.of("bobtag"), Map.of(), "");

    @Test
    void callerRouteSetIsTheReversedRecordRoute() {
        Dialog dialog = Dialog.asUac(invite, ok);

        assertThat(ok.headers("Record-Route")).containsExactly(P2, P1);
        assertThat(dialog.routeSet()).containsExactly(P1, P2);
        assertThat(dialog.remoteTarget()).isEqualTo("sip:127.0.0.2:5062");
        assertThat(dialog.remoteTag()).isEqualTo("bobtag");
        assertThat(dialog.localTag()).isEqualTo(invite.fromTag().orElseThrow());
        assertThat(dialog.localParty().tag()).isEmpty();
        assertThat(dialog.nextHop().host()).isEqualTo("p1.example");
    }

    @Test
    void calleeRouteSetKeepsRecordRouteOrder() {
        Dialog dialog = Dialog.asUas(atBob, ok);

        assertThat(dialog.routeSet()).containsExactly(P2, P1);
        assertThat(dialog.remoteTarget()).isEqualTo(invite.contact().orElseThrow().uri());
        assertThat(dialog.localTag()).isEqualTo("bobtag");
        assertThat(dialog.remoteCseq()).isEqualTo(1);
        assertThat(dialog.nextHop().port()).hasValue(5070);
    }

    @Test
    void ackFor2xxFollowsTheRouteSetToTheRemoteTarget() {
        SipMessage ack = alice.ackFor2xx(invite, ok);

        assertThat(ack.requestUri()).isEqualTo("sip:127.0.0.2:5062");
        assertThat(ack.headers("Route")).containsExactly(P1, P2);
        assertThat(ack.toTag()).contains("bobtag");
        assertThat(ack.cseq()).isEqualTo(new CSeq(1, "ACK"));
        assertThat(ack.branch()).isNotEqualTo(invite.branch());
    }

    @Test
    void byeFromTheCalleeSwapsTheParties() {
        SipMessage bye = bob.inDialog(Dialog.asUas(atBob, ok), "BYE", 1, "", "");

        assertThat(bye.requestUri()).isEqualTo(invite.contact().orElseThrow().uri());
        assertThat(bye.headers("Route")).containsExactly(P2, P1);
        assertThat(bye.fromTag()).contains("bobtag");
        assertThat(bye.toTag()).isEqualTo(invite.fromTag());
        assertThat(bye.from().uri()).isEqualTo(invite.to().uri());
        assertThat(bye.hasHeader("Contact")).isFalse();
    }

    @Test
    void cancelAndNon2xxAckStayInTheInviteTransaction() {
        SipMessage busy = bob.response(atBob, 486, "Busy Here", Optional.of("bobtag"), Map.of(), "");

        for (SipMessage m : List.of(alice.cancel(invite), alice.ackForNon2xx(invite, busy))) {
            assertThat(m.headers("Via")).containsExactly(invite.headers("Via").getFirst());
            assertThat(m.requestUri()).isEqualTo(invite.requestUri());
            assertThat(m.cseq().number()).isEqualTo(1);
            assertThat(m.fromTag()).isEqualTo(invite.fromTag());
        }
        assertThat(alice.cancel(invite).toTag()).isEmpty();
        assertThat(alice.ackForNon2xx(invite, busy).toTag()).contains("bobtag");
        assertThat(busy.hasHeader("Contact")).as("only 1xx/2xx to INVITE carry our Contact").isFalse();
    }

    @Test
    void aDialogNeedsATaggedResponseWithContact() {
        SipMessage untagged = SipMessage.responseTo(invite, 200, "OK").build();

        assertThatThrownBy(() -> Dialog.asUac(invite, untagged)).hasMessage("response has no To tag: SIP/2.0 200 OK");
    }
}
