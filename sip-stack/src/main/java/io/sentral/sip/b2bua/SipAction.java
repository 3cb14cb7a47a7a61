package io.sentral.sip.b2bua;

/** A JAIN-SIP operation that may throw its checked exceptions. */
@FunctionalInterface
interface SipAction {
    void run() throws Exception;
}
