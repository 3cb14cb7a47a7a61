package io.sentral.sip.b2bua;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * A request relayed from one leg to the other inside the dialog (re-INVITE, UPDATE, INFO…):
 * the original server transaction waits for the relayed request's final response.
 */
record InDialogRelay(B2buaCall call, Side from, ServerTransaction origin, Request relayed) {
}
