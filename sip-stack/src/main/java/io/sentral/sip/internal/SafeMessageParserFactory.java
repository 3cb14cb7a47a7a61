package io.sentral.sip.internal;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP's message parser with one repair: parse errors lose their line breaks. The stack puts
 * the error text into the reason phrase of its automatic {@code 400 Bad Request}, and a raw CRLF
 * there would break the response on the wire. Also logs every malformed message at WARN.
 * Instantiated by the stack through {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}.
 */
public final class SafeMessageParserFactory implements MessageParserFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SafeMessageParserFactory.class);

    private final MessageParserFactory standard = new StringMsgParserFactory();

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        MessageParser parser = standard.createMessageParser(stack);
        return (bytes, readBody, strict, listener) -> parse(parser, bytes, readBody, strict, listener);
    }

    private static SIPMessage parse(MessageParser parser, byte[] bytes, boolean readBody, boolean strict,
                                    ParseExceptionListener listener) throws ParseException {
        try {
            return parser.parseSIPMessage(bytes, readBody, strict, listener);
        } catch (ParseException e) {
            String reason = oneLine(e.getMessage());
            LOG.warn("malformed SIP message: {}", reason);
            ParseException clean = new ParseException(reason, e.getErrorOffset());
            clean.initCause(e);
            throw clean;
        }
    }

    static String oneLine(String text) {
        return String.valueOf(text).replaceAll("[\\r\\n]+", " ").replaceAll("\\s{2,}", " ").trim();
    }
}
