package io.sentral.sip.b2bua;

import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;

/** Copying what a B2BUA relays between legs: bodies (SDP passes through untouched) and chosen headers. */
final class Messages {

    private Messages() {
    }

    static boolean hasBody(Message message) {
        return message.getRawContent() != null && message.getRawContent().length > 0;
    }

    static void copyBody(Message from, Message to) {
        if (!hasBody(from)) {
            return;
        }
        try {
            to.setContent(from.getRawContent(), (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME));
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot copy body", e);
        }
    }

    static void copyHeaders(Message from, Message to, String name) {
        ListIterator<?> it = from.getHeaders(name);
        while (it != null && it.hasNext()) {
            to.addHeader((Header) ((Header) it.next()).clone());
        }
    }

    static void copyRetryAfter(Response from, Response to) {
        copyHeaders(from, to, "Retry-After");
    }

    static String transportOf(Message message) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport();
    }
}
