package io.sentral.core.switchboard;

import io.sentral.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Port: reads the queue history (S12, S13, S18) and records the follow-up of missed calls. */
public interface QueueHistory {

    /** The calls of one queue that joined in [from, to), oldest first. */
    List<QueueCallEntry> calls(TenantId tenant, QueueName queue, Instant from, Instant to);

    /** The customer's missed queue calls that joined in [from, to), newest first. */
    List<QueueCallEntry> missed(TenantId tenant, Instant from, Instant to);

    /**
     * Records the follow-up ({@code unanswered}, {@code callback-attempted}, {@code handled}) of the
     * customer's missed call {@code id}; false if there is no such missed call.
     *
     * @throws IllegalArgumentException for an unknown state
     */
    boolean followUp(TenantId tenant, long id, String state, String by, Instant at);

    /** Per-agent figures of the customer's users for calls in [from, to) (S13); every user, zeros included. */
    List<AgentStatistics> agentStatistics(TenantId tenant, List<UserId> users, Instant from, Instant to);
}
