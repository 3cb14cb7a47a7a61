package io.sentral.core.route;

import io.sentral.core.call.CallRequest;

/** Port: decides where a new call goes. Pure: no I/O, answers from in-memory views. */
@FunctionalInterface
public interface CallRouter {
    RoutePlan route(CallRequest request);

    /**
     * Whether {@code dialled} (a Request-URI user or service URN) is an emergency number in any
     * country Sentral serves (T6), for the edge's decisions before a call is routed — e.g. to let
     * an emergency call through from a blocked address.
     */
    default boolean isEmergency(String dialled) {
        return false;
    }
}
