package io.sentral.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import javax.sip.SipFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/** S8: what a REFER's Refer-To names — a blind target, or the dialog an attended transfer replaces. */
class ReferTargetTest {

    private static Request refer(String referTo) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        MessageFactory messages = factory.createMessageFactory();
        String text = "REFER sip:sentral.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-1\r\n"
                + "From: <sip:alice@sentral.test>;tag=a\r\nTo: <sip:+4791234567@sentral.test>;tag=b\r\n"
                + "Call-ID: refer-1@127.0.0.1\r\nCSeq: 2 REFER\r\nMax-Forwards: 70\r\n"
                + (referTo == null ? "" : "Refer-To: " + referTo + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        return messages.createRequest(text);
    }

    @Test
    void aBlindTargetIsItsUserPart() throws Exception {
        assertThat(ReferTarget.of(refer("<sip:103@sentral.test>")))
                .contains(new ReferTarget("103", Optional.empty()));
        assertThat(ReferTarget.of(refer("<tel:+4791234568>")))
                .contains(new ReferTarget("+4791234568", Optional.empty()));
    }

    @Test
    void anAttendedTransferNamesTheCallIdToReplace() throws Exception {
        assertThat(ReferTarget.of(refer(
                "<sip:103@sentral.test?Replaces=consult-7%40127.0.0.1%3Bto-tag%3Dx1%3Bfrom-tag%3Dy2>")))
                .contains(new ReferTarget("103", Optional.of("consult-7@127.0.0.1")));
    }

    @Test
    void withoutRefertoThereIsNoTarget() throws Exception {
        assertThat(ReferTarget.of(refer(null))).isEmpty();
    }
}
