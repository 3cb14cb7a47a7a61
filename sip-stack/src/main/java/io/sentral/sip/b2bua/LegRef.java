package io.sentral.sip.b2bua;

/** Application data attached to a JAIN-SIP dialog: which call, which leg. */
record LegRef(B2buaCall call, Side side) {
}
