package io.sentral.testkit;

/**
 * Minimal valid SDP bodies (RFC 4566, offer/answer RFC 3264) for test calls: one audio stream with
 * PCMU, PCMA and telephone-event (RFC 4733). Nothing is ever sent to the RTP port.
 */
public final class Sdp {

    private Sdp() {
    }

    /** An offer (or answer) for audio at {@code ip}:{@code port}, session version 1. */
    public static String offer(String ip, int port) {
        return offer(ip, port, 1);
    }

    /** With an explicit session version: a re-INVITE's new offer must raise it (RFC 3264 §8). */
    public static String offer(String ip, int port, long version) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("RTP port " + port + " is outside 1-65535");
        }
        String family = ip.contains(":") ? "IP6" : "IP4";
        return "v=0\r\n"
                + "o=sentral-testkit " + port + " " + version + " IN " + family + " " + ip + "\r\n"
                + "s=-\r\n"
                + "c=IN " + family + " " + ip + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=sendrecv\r\n";
    }
}
