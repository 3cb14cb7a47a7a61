package io.sentral.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {
    private static final String WITH_BODY = "MESSAGE sip:b@127.0.0.1 SIP/2.0\r\nCall-ID: one\r\nCSeq: 1 MESSAGE\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
    private static final String NO_BODY = "SIP/2.0 200 OK\r\nCall-ID: two\r\nCSeq: 1 MESSAGE\r\nl: 0\r\n\r\n";

    private final StreamFramer framer = new StreamFramer();

    private List<String> feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return framer.feed(bytes, 0, bytes.length).stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void twoMessagesInOneRead() {
        assertThat(feed(WITH_BODY + NO_BODY)).containsExactly(WITH_BODY, NO_BODY);
        assertThat(framer.buffered()).isZero();
    }

    @Test
    void oneMessageSplitAcrossReads() {
        List<String> frames = new ArrayList<>();
        for (char ch : WITH_BODY.toCharArray()) {
            frames.addAll(feed(String.valueOf(ch)));
            if (frames.isEmpty()) {
                assertThat(framer.buffered()).isPositive();
            }
        }

        assertThat(frames).containsExactly(WITH_BODY);
    }

    @Test
    void splitInsideTheBodyAndAtTheHeaderEnd() {
        int headerEnd = WITH_BODY.indexOf("\r\n\r\n") + 2;

        assertThat(feed(WITH_BODY.substring(0, headerEnd))).isEmpty();
        assertThat(feed(WITH_BODY.substring(headerEnd, WITH_BODY.length() - 2))).isEmpty();
        assertThat(feed(WITH_BODY.substring(WITH_BODY.length() - 2) + NO_BODY.substring(0, 10)))
                .containsExactly(WITH_BODY);
        assertThat(feed(NO_BODY.substring(10))).containsExactly(NO_BODY);
    }

    @Test
    void keepAliveLinesBetweenMessagesAreSkipped() {
        assertThat(feed("\r\n\r\n" + NO_BODY + "\r\n\r\n" + WITH_BODY)).containsExactly(NO_BODY, WITH_BODY);
    }

    @Test
    void bodyLengthIsCountedInBytes() {
        String utf8 = "MESSAGE sip:b@h SIP/2.0\r\nContent-Length: 4\r\n\r\nøø";

        assertThat(feed(utf8 + NO_BODY)).containsExactly(utf8, NO_BODY);
    }

    @Test
    void endlessHeadersAreNotSip() {
        assertThatThrownBy(() -> feed("X".repeat(StreamFramer.MAX_HEADER_BYTES + 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
