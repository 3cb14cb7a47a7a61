/**
 * Real-socket SIP test agents for black-box tests of the Sentral server: immutable raw-text SIP
 * messages ({@link io.sentral.testkit.SipMessage}), a UDP/TCP user agent on a loopback address
 * ({@link io.sentral.testkit.SipTestAgent}), dialogs, digest authentication and SDP offers.
 * Independent of the server's SIP stack on purpose: the tests speak the wire format themselves.
 */
package io.sentral.testkit;
