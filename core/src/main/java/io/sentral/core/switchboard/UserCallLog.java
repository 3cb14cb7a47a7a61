package io.sentral.core.switchboard;

import io.sentral.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** Port: the users' own call logs (S12). */
public interface UserCallLog {

    void add(UserCallEntry entry);

    /** The user's calls started in [from, to), newest first. */
    List<UserCallEntry> of(TenantId tenant, UserId user, Instant from, Instant to);
}
