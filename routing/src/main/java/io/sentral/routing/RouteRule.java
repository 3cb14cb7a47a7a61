package io.sentral.routing;

/**
 * The names of the routing stages, in pipeline order. A {@link io.sentral.core.route.RoutePlan}
 * carries the {@link #label()} of the stage that decided it, so the label is what an operator reads
 * in the decision log and what a metric may use as a bounded tag value.
 */
public enum RouteRule {
    /** Inbound: the Request-URI user must be a number in E.164 or the inbound national plan (484). */
    INBOUND_CALLEE_NUMBER("inbound.callee-number"),
    /**
     * Inbound: some customer must own the number — a range, or a number ported in and active now
     * (404; also 404 for a range number that has been ported away).
     */
    INBOUND_NUMBER_OWNER("inbound.number-owner"),
    /** Inbound: the owning range must be served by a trunk; switchboard ranges are not routed yet (480). */
    INBOUND_RANGE_TRUNK("inbound.range-trunk"),
    /** Inbound: a static trunk gets the call at its fixed endpoint. */
    INBOUND_STATIC_TRUNK("inbound.static-trunk"),
    /** Inbound: a registration trunk gets the call at each registered contact, or 480 if none. */
    INBOUND_REGISTERED_TRUNK("inbound.registered-trunk"),
    /** Outbound: the sending trunk and its customer must be provisioned (403). */
    OUTBOUND_ORIGIN_TRUNK("outbound.origin-trunk"),
    /** Outbound: emergency numbers and service URNs go to the emergency gateways, past every policy (T6). */
    OUTBOUND_EMERGENCY("outbound.emergency"),
    /** Outbound: the trunk's channel and calls-per-second limits (503 with Retry-After, T7). */
    OUTBOUND_CAPACITY("outbound.capacity"),
    /** Outbound: the dialled number must be a public number or a short number (484). */
    OUTBOUND_CALLEE_NUMBER("outbound.callee-number"),
    /** Outbound: the customer's barrings (403, T8). */
    OUTBOUND_BARRING("outbound.barring"),
    /** Outbound: the customer's monthly cost limit (403, T8). */
    OUTBOUND_COST_LIMIT("outbound.cost-limit"),
    /** Outbound: the presented caller-ID must be the customer's (403 or replaced, T5). */
    OUTBOUND_CALLER_ID("outbound.caller-id"),
    /** Outbound: numbers ported away get the recipient's routing prefix and/or gateway (T9; never decides). */
    OUTBOUND_PORTABILITY("outbound.portability"),
    /** Outbound: the call goes to the carrier gateways by priority, weight and health, or 503 if none. */
    OUTBOUND_CARRIER_GATEWAYS("outbound.carrier-gateways"),
    /** Switchboard: a customer number that is neither a user's direct number nor a queue's (404). */
    SWITCHBOARD_NUMBER("switchboard.number"),
    /** Switchboard: the caller joins a queue (S2). */
    SWITCHBOARD_QUEUE("switchboard.queue"),
    /** Switchboard: all of a user's devices ring (S1), or 480 when none is registered. */
    SWITCHBOARD_USER_DEVICES("switchboard.user-devices"),
    /** Switchboard: the user is absent (S6): the absence forwarding, or 480 with the reason. */
    SWITCHBOARD_ABSENCE("switchboard.absence"),
    /** Switchboard: the user forwards the call (S7), or refuses it when not forwarding for the condition. */
    SWITCHBOARD_FORWARDING("switchboard.forwarding"),
    /** Switchboard: a call diverted too often or back to a user or queue it has passed (482). */
    SWITCHBOARD_LOOP("switchboard.loop"),
    /** Switchboard: a queue offers the call to an agent's devices (S2). */
    SWITCHBOARD_OFFER("switchboard.offer"),
    /** Switchboard: where a transfer goes (S8). */
    SWITCHBOARD_TRANSFER("switchboard.transfer"),
    /** Switchboard: a redirected call leaves for a number of the public network. */
    SWITCHBOARD_EXTERNAL("switchboard.external");

    private final String label;

    RouteRule(String label) {
        this.label = label;
    }

    /** The stage name as it appears in {@link io.sentral.core.route.RoutePlan#rule()}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
