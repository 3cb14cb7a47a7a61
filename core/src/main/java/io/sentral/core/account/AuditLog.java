package io.sentral.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Port: the audit log (S17) — every change and every login attempt: who, what, when, from where. */
public interface AuditLog {

    /**
     * One entry. {@code account} is who was signed in, or the login name tried; {@code tenant} the
     * account's customer, if any; {@code action} the method and path; {@code status} the answer.
     */
    record Entry(Instant at, String account, Optional<String> tenant, String source, String action, int status) {
        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(action, "action");
        }
    }

    void record(Entry entry);

    /** The newest entries first, at most {@code limit}; only {@code tenant}'s when given. */
    List<Entry> recent(Optional<String> tenant, int limit);
}
