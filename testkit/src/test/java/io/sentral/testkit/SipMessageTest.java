package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SipMessageTest {

    private static final String INVITE = """
            INVITE sip:+4722120005@127.0.0.1:5060 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bKaaa;rport\r
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKbbb, SIP/2.0/TCP 10.0.0.2;branch=z9hG4bKccc\r
            Max-Forwards: 70\r
            From: "Ola, Nordmann" <sip:+4791234567@127.0.0.2>;tag=f1\r
            To: <sip:+4722120005@sentral.test>\r
            Call-ID: abc@127.0.0.2\r
            CSeq: 1 INVITE\r
            Contact: <sip:+4791234567@127.0.0.2:5060>\r
            Content-Type: application/sdp\r
            Content-Length: 4\r
            \r
            v=0\r
            """;

    @Test
    void parsesARequest() {
        SipMessage m = SipMessage.parse(INVITE);

        assertThat(m.isRequest()).isTrue();
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri()).isEqualTo("sip:+4722120005@127.0.0.1:5060");
        assertThat(m.callId()).isEqualTo("abc@127.0.0.2");
        assertThat(m.cseq()).isEqualTo(new CSeq(1, "INVITE"));
        assertThat(m.fromTag()).contains("f1");
        assertThat(m.toTag()).isEmpty();
        assertThat(m.from().displayName()).contains("Ola, Nordmann");
        assertThat(m.contact().map(NameAddr::uri)).contains("sip:+4791234567@127.0.0.2:5060");
        assertThat(m.body()).isEqualTo("v=0\r");
    }

    @Test
    void keepsEveryViaInOrderAlsoFromACommaList() {
        SipMessage m = SipMessage.parse(INVITE);

        assertThat(m.headers("Via")).hasSize(3);
        assertThat(m.vias()).extracting(Via::branch).extracting(b -> b.orElseThrow())
                .containsExactly("z9hG4bKaaa", "z9hG4bKbbb", "z9hG4bKccc");
        assertThat(m.vias().get(2).transport()).isEqualTo("TCP");
        assertThat(m.vias().get(2).port()).isEmpty();
        assertThat(m.branch()).contains("z9hG4bKaaa");
        assertThat(m.topVia().param("rport")).contains("");
    }

    @Test
    void expandsCompactHeaderNamesAndLooksUpInAnyCase() {
        SipMessage m = SipMessage.parse("""
                BYE sip:bob@127.0.0.2 SIP/2.0
                v: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1
                f: <sip:alice@127.0.0.1>;tag=a
                t: <sip:bob@127.0.0.2>;tag=b
                i: call-1
                CSeq: 2 BYE
                m: <sip:alice@127.0.0.1>, "Two, Too" <sip:alice@127.0.0.3>;q=0.5
                k: replaces, timer
                c: text/plain
                l: 2

                hi
                """);

        assertThat(m.header("call-id")).contains("call-1");
        assertThat(m.header("CALL-ID")).contains("call-1");
        assertThat(m.header("i")).contains("call-1");
        assertThat(m.allHeaders().get(0).name()).isEqualTo("Via");
        assertThat(m.toTag()).contains("b");
        assertThat(m.contacts()).extracting(NameAddr::uri)
                .containsExactly("sip:alice@127.0.0.1", "sip:alice@127.0.0.3");
        assertThat(m.contacts().get(1).param("q")).contains("0.5");
        assertThat(m.headers("Supported")).containsExactly("replaces", "timer");
        assertThat(m.contentType()).contains("text/plain");
        assertThat(m.body()).isEqualTo("hi");
    }

    @Test
    void doesNotSplitHeadersWhoseCommasSeparateParameters() {
        SipMessage m = SipMessage.parse("""
                SIP/2.0 401 Unauthorized
                Via: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK1
                From: <sip:acme-pbx@sentral.test>;tag=1
                To: <sip:acme-pbx@sentral.test>;tag=2
                Call-ID: r1
                CSeq: 1 REGISTER
                WWW-Authenticate: Digest realm="sentral.test", nonce="n1", algorithm=SHA-256, qop="auth"
                WWW-Authenticate: Digest realm="sentral.test", nonce="n1", algorithm=MD5, qop="auth"
                Content-Length: 0

                """);

        assertThat(m.headers("WWW-Authenticate")).hasSize(2).allMatch(v -> v.contains("qop=\"auth\""));
        assertThat(m.status()).isEqualTo(401);
        assertThat(m.reason()).isEqualTo("Unauthorized");
        assertThat(m.method()).as("a response's method is its CSeq method").isEqualTo("REGISTER");
    }

    @Test
    void joinsFoldedHeaderLines() {
        SipMessage m = SipMessage.parse("""
                OPTIONS sip:127.0.0.1 SIP/2.0\r
                Via: SIP/2.0/UDP 127.0.0.2;branch=z9hG4bK1\r
                Subject: first part\r
                 \tsecond part\r
                From: <sip:a@127.0.0.2>;tag=1\r
                To: <sip:127.0.0.1>\r
                Call-ID: o1\r
                CSeq: 1 OPTIONS\r
                \r
                """);

        assertThat(m.header("Subject")).contains("first part second part");
        assertThat(m.body()).isEmpty();
    }

    @Test
    void contentLengthCountsBytesAndCutsTrailingGarbage() {
        String text = "MESSAGE sip:b@127.0.0.1 SIP/2.0\r\nCall-ID: m1\r\nCSeq: 1 MESSAGE\r\nContent-Length: 5\r\n\r\nblåbærsyltetøy";

        assertThat(SipMessage.parse(text).body()).as("å and æ are two bytes each in UTF-8").isEqualTo("blåb");
    }

    @Test
    void bodyShorterThanContentLengthIsRejected() {
        String text = "MESSAGE sip:b@127.0.0.1 SIP/2.0\r\nCall-ID: m1\r\nContent-Length: 10\r\n\r\nshort";

        assertThatThrownBy(() -> SipMessage.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("body has 5 bytes but Content-Length says 10");
    }

    @Test
    void withoutContentLengthTheBodyIsTheRest() {
        assertThat(SipMessage.parse("MESSAGE sip:b@h SIP/2.0\nCall-ID: x\n\nhello").body()).isEqualTo("hello");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INVITE sip:a@b                 | bad request line: 'INVITE sip:a@b'
            INVITE sip:a@b SIP/3.0         | bad request line: 'INVITE sip:a@b SIP/3.0'
            SIP/2.0 abc Weird              | bad status line: 'SIP/2.0 abc Weird'
            SIP/2.0 999 Too Big            | bad status line: 'SIP/2.0 999 Too Big'
            """)
    void rejectsABadStartLine(String startLine, String message) {
        assertThatThrownBy(() -> SipMessage.parse(startLine + "\r\nCall-ID: x\r\n\r\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsAHeaderWithoutColon() {
        assertThatThrownBy(() -> SipMessage.parse("BYE sip:a@b SIP/2.0\r\nCall-ID x\r\n\r\n"))
                .hasMessage("header line without name and colon: 'Call-ID x'");
    }

    @Test
    void skipsLeadingEmptyLines() {
        assertThat(SipMessage.parse("\r\n\r\nSIP/2.0 200 OK\r\nCSeq: 1 BYE\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void wireFormRoundTrips() {
        SipMessage m = SipMessage.parse(INVITE);

        assertThat(SipMessage.parse(m.toString())).isEqualTo(m);
        assertThat(m.toString()).startsWith("INVITE sip:+4722120005@127.0.0.1:5060 SIP/2.0\r\nVia: ")
                .contains("\r\nContent-Length: 4\r\n\r\nv=0\r");
    }

    @Test
    void builderSetsContentLengthFromTheBodyBytes() {
        SipMessage m = SipMessage.request("MESSAGE", "sip:b@127.0.0.1")
                .header("Call-ID", "m1")
                .header("Content-Length", "999")
                .body("text/plain", "øl")
                .build();

        assertThat(m.header("Content-Length")).contains("3");
        assertThat(m.contentType()).contains("text/plain");
    }

    @Test
    void copiesChangeOnlyWhatTheySay() {
        SipMessage m = SipMessage.parse(INVITE);

        SipMessage changed = m.withHeader("Max-Forwards", "69").withCSeq(2).withTopViaBranch("z9hG4bKnew");

        assertThat(m.header("Max-Forwards")).contains("70");
        assertThat(changed.header("Max-Forwards")).contains("69");
        assertThat(changed.cseq()).isEqualTo(new CSeq(2, "INVITE"));
        assertThat(changed.vias()).extracting(v -> v.branch().orElseThrow())
                .containsExactly("z9hG4bKnew", "z9hG4bKbbb", "z9hG4bKccc");
        assertThat(changed.allHeaders().get(0).name()).as("Via stays on top").isEqualTo("Via");
        assertThat(changed.topVia().param("rport")).contains("");
        assertThat(m.withoutHeader("Via").hasHeader("v")).isFalse();
        assertThat(m.withBody("application/sdp", "").hasHeader("Content-Type")).isFalse();
        assertThat(m.withBody("application/sdp", "").header("Content-Length")).contains("0");
        assertThat(m.withAddedHeader("Route", "<sip:p@127.0.0.9;lr>").headers("Route")).hasSize(1);
    }

    @Test
    void responseToCopiesTheTransactionHeaders() {
        SipMessage invite = SipMessage.parse(INVITE);

        SipMessage ringing = SipMessage.responseTo(invite, 180, "Ringing").build();

        assertThat(ringing.headers("Via")).isEqualTo(invite.headers("Via"));
        assertThat(ringing.header("From")).isEqualTo(invite.header("From"));
        assertThat(ringing.callId()).isEqualTo(invite.callId());
        assertThat(ringing.cseq()).isEqualTo(invite.cseq());
        assertThat(ringing.startLine()).isEqualTo("SIP/2.0 180 Ringing");
        assertThat(ringing.isProvisional()).isTrue();
        assertThatThrownBy(() -> SipMessage.responseTo(ringing, 200, "OK"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerValuesCannotSmuggleLineBreaks() {
        assertThatThrownBy(() -> SipMessage.request("BYE", "sip:a@b").header("X", "a\r\nVia: evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAddressesUrisAndVias() {
        NameAddr plain = NameAddr.parse("sip:bob@127.0.0.2;tag=t1");
        assertThat(plain.uri()).isEqualTo("sip:bob@127.0.0.2");
        assertThat(plain.tag()).contains("t1");
        assertThat(plain.toString()).isEqualTo("<sip:bob@127.0.0.2>;tag=t1");

        NameAddr quoted = NameAddr.parse("\"A \\\"B\\\"\" <sip:a@h;transport=tcp>;expires=60");
        assertThat(quoted.displayName()).contains("A \"B\"");
        assertThat(quoted.sipUri().transport()).isEqualTo("tcp");
        assertThat(quoted.param("expires")).contains("60");

        SipUri uri = SipUri.parse("sip:+4722120005;npdi@127.0.0.2:5070;transport=TCP;lr?Subject=x");
        assertThat(uri.user()).contains("+4722120005;npdi");
        assertThat(uri.host()).isEqualTo("127.0.0.2");
        assertThat(uri.port()).hasValue(5070);
        assertThat(uri.param("lr")).contains("");
        assertThat(uri.socketAddress().getPort()).isEqualTo(5070);
        assertThat(SipUri.parse("sip:sentral.test").socketAddress().getPort()).isEqualTo(5060);
        assertThat(SipUri.parse("sip:[::1]:5062").port()).hasValue(5062);

        Via via = Via.parse("SIP / 2.0 / udp 127.0.0.1:5060 ;branch=z9hG4bKx;received=10.0.0.1");
        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.branch()).contains("z9hG4bKx");
        assertThat(via.param("received")).contains("10.0.0.1");
        assertThat(via.toString()).isEqualTo("SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx;received=10.0.0.1");
    }

    @Test
    void headersOfAMissingNameAreEmpty() {
        SipMessage m = SipMessage.parse(INVITE);

        assertThat(m.header("Route")).isEmpty();
        assertThat(m.headers("Record-Route")).isEqualTo(List.of());
        assertThatThrownBy(() -> m.withoutHeader("Call-ID").callId()).hasMessage("no Call-ID header in "
                + m.startLine());
    }
}
