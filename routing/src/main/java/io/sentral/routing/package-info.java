/**
 * Call routing: pure decisions, no I/O. {@link io.sentral.routing.DefaultCallRouter} turns a
 * {@link io.sentral.core.call.CallRequest} into a {@link io.sentral.core.route.RoutePlan} by running
 * a fixed list of named stages (Kamailio request-route style); the SIP edge executes the plan.
 */
package io.sentral.routing;
