package io.sentral.sip.gateway;

/** Application data of an OPTIONS ping's client transaction: which gateway, which round. */
public record GatewayProbe(String gateway, long round) {
}
