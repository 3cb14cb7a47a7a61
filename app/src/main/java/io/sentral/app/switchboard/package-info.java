/**
 * The switchboard's queues at run time (S2-S5): where the SIP edge and the queue engine meet.
 * {@link io.sentral.app.switchboard.QueueRuntime} takes the edge's queue events
 * ({@link io.sentral.core.switchboard.QueueCalls}), runs one
 * {@link io.sentral.routing.queue.QueueEngine} per tenant on a single switchboard lane, and hands
 * the engines' decisions back to the edge ({@link io.sentral.core.switchboard.QueueCallControl}).
 * Agent log-in follows registrations, absence follows the absence book, both by periodic sync.
 */
package io.sentral.app.switchboard;
