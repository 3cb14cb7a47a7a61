/**
 * Call routing: pure decisions, no I/O. {@link io.sentral.routing.DefaultCallRouter} turns a
 * {@link io.sentral.core.call.CallRequest} into a {@link io.sentral.core.route.RoutePlan} by running
 * a fixed list of named stages (Kamailio request-route style); the SIP edge executes the plan.
 * The outbound stages carry the trunk policy operators are liable for: emergency calls first and
 * never blocked (T6), capacity (T7), barring and cost limit (T8), caller-ID ownership (T5),
 * portability (T9) and gateway order (T4). Its only state is the trunks' live capacity
 * ({@link io.sentral.routing.TrunkCapacity}).
 */
package io.sentral.routing;
