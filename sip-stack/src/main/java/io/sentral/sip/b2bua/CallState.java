package io.sentral.sip.b2bua;

/**
 * States of a B2BUA call (one incoming leg A, one outgoing leg B at a time).
 *
 * <pre>
 * CALLING   --1xx from B-->            EARLY
 * CALLING   --no answer in time/408/5xx, more destinations--> CALLING (next destination)
 * CALLING|EARLY --2xx from B-->        CONFIRMED   (2xx relayed to A, B acknowledged)
 * CALLING|EARLY --final non-2xx-->     ENDED       (status relayed to A)
 * CALLING|EARLY --CANCEL from A-->     CANCELLING  --487/2xx from B--> ENDED
 * CONFIRMED --BYE from A or B-->       ENDED       (BYE sent to the other side)
 * </pre>
 */
public enum CallState {
    CALLING,
    EARLY,
    CONFIRMED,
    CANCELLING,
    ENDED
}
