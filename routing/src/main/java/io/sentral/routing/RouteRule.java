package io.sentral.routing;

/**
 * The names of the routing stages, in pipeline order. A {@link io.sentral.core.route.RoutePlan}
 * carries the {@link #label()} of the stage that decided it, so the label is what an operator reads
 * in the decision log and what a metric may use as a bounded tag value.
 */
public enum RouteRule {
    /** Inbound: the Request-URI user must be a number in E.164 or the inbound national plan (484). */
    INBOUND_CALLEE_NUMBER("inbound.callee-number"),
    /** Inbound: some customer must own the number (404). */
    INBOUND_NUMBER_OWNER("inbound.number-owner"),
    /** Inbound: the owning range must be served by a trunk; switchboard ranges are not routed yet (480). */
    INBOUND_RANGE_TRUNK("inbound.range-trunk"),
    /** Inbound: a static trunk gets the call at its fixed endpoint. */
    INBOUND_STATIC_TRUNK("inbound.static-trunk"),
    /** Inbound: a registration trunk gets the call at each registered contact, or 480 if none. */
    INBOUND_REGISTERED_TRUNK("inbound.registered-trunk"),
    /** Outbound: the sending trunk and its customer must be provisioned (403). */
    OUTBOUND_ORIGIN_TRUNK("outbound.origin-trunk"),
    /** Outbound: the dialled number must be a number in the customer's plan (484). */
    OUTBOUND_CALLEE_NUMBER("outbound.callee-number"),
    /** Outbound: the presented caller number, read in the customer's plan (never decides). */
    OUTBOUND_PRESENTED_CALLER("outbound.presented-caller"),
    /** Outbound: the call goes to the carrier gateways in priority order, or 503 if none. */
    OUTBOUND_CARRIER_GATEWAYS("outbound.carrier-gateways");

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
