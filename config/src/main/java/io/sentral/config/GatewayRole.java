package io.sentral.config;

/** What a gateway of the operator's network is for. */
public enum GatewayRole {
    /** Public network: inbound calls come from it, outbound calls go to it. */
    CARRIER,
    /** Emergency services (PSAP). */
    EMERGENCY
}
