package io.sentral.core.call;

/** Which way a call crosses Sentral, seen from the customer. */
public enum CallDirection {
    /** From the public network (a carrier gateway) to a customer. */
    INBOUND,
    /** From a customer trunk or user to the public network. */
    OUTBOUND,
    /** Between numbers served by Sentral itself. */
    INTERNAL
}
