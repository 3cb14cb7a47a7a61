package io.sentral.core.route;

import io.sentral.core.call.CallRequest;

/** Port: decides where a new call goes. Pure: no I/O, answers from in-memory views. */
@FunctionalInterface
public interface CallRouter {
    RoutePlan route(CallRequest request);
}
