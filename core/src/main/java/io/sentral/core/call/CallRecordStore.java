package io.sentral.core.call;

import java.util.List;
import java.util.Optional;

/** Port: durable call records. Writing goes through {@link CallEventListener}. */
public interface CallRecordStore extends CallEventListener {

    Optional<CallRecord> find(String callId);

    /** The most recently started records, newest first. */
    List<CallRecord> recent(int limit);

    /** The transfers of a call, oldest first: its chain of who handed the caller to whom (S8). */
    List<CallEvent.Transferred> transfersOf(String callId);
}
