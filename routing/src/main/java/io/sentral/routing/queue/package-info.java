/**
 * The queue engine (ACD) of answer groups (S2-S5): a declared state machine without I/O that the
 * SIP edge drives with events and whose decisions ({@link io.sentral.routing.queue.QueueAction})
 * the edge executes. Entry point: {@link io.sentral.routing.queue.QueueEngine}.
 *
 * <p>Types here that other modules will need ({@link io.sentral.routing.queue.CallId}, the
 * per-queue settings beyond {@link io.sentral.core.switchboard.Queue}) are candidates for
 * {@code core}; they live here until the queue engine is wired to the edge.
 */
package io.sentral.routing.queue;
