package io.sentral.sip.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every SIP message sent and received at DEBUG on logger {@code sentral.sip.wire}: turn it
 * on to see the wire. Instantiated by the stack through {@code gov.nist.javax.sip.SERVER_LOGGER}.
 */
public final class SipMessageLogger implements ServerLogger {
    private final Logger log = LoggerFactory.getLogger("sentral.sip.wire");

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private void log(SIPMessage message, String from, String to, boolean sender) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        }
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
