package io.sentral.sip.internal;

import io.sentral.core.trace.TracedMessage;
import io.sentral.core.trace.WireTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every SIP message sent and received at DEBUG on logger {@code sentral.sip.wire} (the
 * demo's logback turns it on with {@code SENTRAL_SIP_WIRE_LOG=DEBUG}); idle otherwise.
 */
public final class WireLog implements WireTap {
    private final Logger log = LoggerFactory.getLogger("sentral.sip.wire");

    @Override
    public boolean active() {
        return log.isDebugEnabled();
    }

    @Override
    public void observe(TracedMessage message, String correlationId) {
        log.debug("{} {} {} -> {}\n{}", message.sent() ? "sent" : "received", message.transport(),
                message.source(), message.destination(), message.text());
    }
}
