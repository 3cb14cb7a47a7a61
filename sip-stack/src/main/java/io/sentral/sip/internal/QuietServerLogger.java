package io.sentral.sip.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps JAIN-SIP's own message log (files, global switches) out of the way: messages are seen by
 * {@link SipWire} instead, which the edge reports every send and receive to. Instantiated by the
 * stack through {@code gov.nist.javax.sip.SERVER_LOGGER}.
 */
public final class QuietServerLogger implements ServerLogger {
    private final Logger log = LoggerFactory.getLogger("gov.nist");

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        // SipWire reports messages
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        // SipWire reports messages
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        // SipWire reports messages
    }

    @Override
    public void logException(Exception ex) {
        log.warn("SIP message processing failed", ex);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // not needed
    }

    @Override
    public void setSipStack(SipStack stack) {
        // not needed
    }
}
