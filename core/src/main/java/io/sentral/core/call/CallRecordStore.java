package io.sentral.core.call;

import java.util.List;
import java.util.Optional;

/** Port: durable call records. Writing goes through {@link CallEventListener}. */
public interface CallRecordStore extends CallEventListener {

    Optional<CallRecord> find(String callId);

    /** The most recently started records, newest first. */
    List<CallRecord> recent(int limit);
}
