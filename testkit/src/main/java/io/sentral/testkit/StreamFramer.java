package io.sentral.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts SIP messages out of a byte stream (TCP/TLS, RFC 3261 §18.3): headers up to the empty line,
 * then exactly Content-Length bytes of body. Bytes may arrive in any chunks: several messages in
 * one read, one message over many. CRLF keep-alives between messages (RFC 5626 §3.5.1) are
 * skipped. Not thread-safe: one framer per connection, fed by its reader thread.
 */
final class StreamFramer {
    /** A header section longer than this without an empty line means the stream is not SIP. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private byte[] pending = new byte[0];

    /** Adds {@code length} bytes from {@code chunk}; returns the messages now complete, in order. */
    List<byte[]> feed(byte[] chunk, int offset, int length) {
        byte[] joined = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(chunk, offset, joined, pending.length, length);
        pending = joined;
        List<byte[]> frames = new ArrayList<>();
        while (true) {
            int start = 0;
            while (start < pending.length && (pending[start] == '\r' || pending[start] == '\n')) {
                start++;
            }
            if (start > 0) {
                pending = Arrays.copyOfRange(pending, start, pending.length);
            }
            int headEnd = headerEnd(pending);
            if (headEnd < 0) {
                if (pending.length > MAX_HEADER_BYTES) {
                    throw new IllegalStateException("no end of SIP headers within " + MAX_HEADER_BYTES + " bytes");
                }
                return frames;
            }
            int total = headEnd + contentLength(new String(pending, 0, headEnd, StandardCharsets.UTF_8));
            if (pending.length < total) {
                return frames;
            }
            frames.add(Arrays.copyOf(pending, total));
            pending = Arrays.copyOfRange(pending, total, pending.length);
        }
    }

    /** Bytes received but not yet part of a complete message. */
    int buffered() {
        return pending.length;
    }

    /** Index just after the empty line that ends the headers, or -1. */
    private static int headerEnd(byte[] data) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < data.length && data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r'
                    && data[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Content-Length (or compact {@code l}) of a header section; absent means no body. */
    private static int contentLength(String head) {
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && HeaderNames.key(line.substring(0, colon)).equals("content-length")) {
                try {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad Content-Length in stream: '" + line + "'", e);
                }
            }
        }
        return 0;
    }
}
