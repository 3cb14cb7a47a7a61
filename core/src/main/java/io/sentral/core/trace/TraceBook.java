package io.sentral.core.trace;

import io.sentral.core.call.CallEvent;
import io.sentral.core.call.CallEventListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SIP trace on demand (N3): while a NOC engineer has a trunk or a number switched on, every new
 * call over that trunk or from/to that number is traced — the messages of all its legs, kept in a
 * bounded buffer per call; the most recent {@code maxCalls} traced calls are kept. Switching a
 * target off stops tracing new messages; what was traced stays readable until it ages out.
 *
 * <p>A call is known to be traced only once it has started (routing decided it), but its first
 * messages (the INVITE, a digest challenge) cross the wire before that: while any target is on,
 * messages of not-yet-known calls wait in a small pending buffer and join the call's trace when
 * it starts. With no target on, the edge does not even encode messages for this tap.
 *
 * <p>Thread-safe: messages come from the SIP stack's threads and the call lanes.
 */
public final class TraceBook implements WireTap, CallEventListener {
    private static final int PENDING_CALLS = 256;
    private static final int SHORTEST_NATIONAL_DIGITS = 6;

    private final int maxCalls;
    private final int maxMessagesPerCall;
    private final Set<TraceTarget> targets = new LinkedHashSet<>();
    private final Map<String, Buffer> traces = new LinkedHashMap<>();
    /** Call-ID of each traced leg → the call's id. */
    private final Map<String, String> legs = new HashMap<>();
    private final Map<String, Deque<TracedMessage>> pending = new LinkedHashMap<>(16, 0.75f, true);
    private volatile boolean active;

    public TraceBook(int maxCalls, int maxMessagesPerCall) {
        if (maxCalls < 1 || maxMessagesPerCall < 1) {
            throw new IllegalArgumentException("a trace book keeps at least one call of one message, not "
                    + maxCalls + " calls of " + maxMessagesPerCall);
        }
        this.maxCalls = maxCalls;
        this.maxMessagesPerCall = maxMessagesPerCall;
    }

    /** Starts tracing new calls matching {@code target}; false if it was on already. */
    public synchronized boolean start(TraceTarget target) {
        boolean added = targets.add(target);
        active = true;
        return added;
    }

    /** Stops tracing for {@code target}; false if it was not on. */
    public synchronized boolean stop(TraceTarget target) {
        boolean removed = targets.remove(target);
        active = !targets.isEmpty();
        if (!active) {
            pending.clear();
        }
        return removed;
    }

    public synchronized List<TraceTarget> targets() {
        return List.copyOf(targets);
    }

    /** The traced calls kept, oldest first. */
    public synchronized List<CallTrace> calls() {
        return traces.values().stream().map(Buffer::snapshot).toList();
    }

    /** The trace of one call, by its id (the incoming leg's Call-ID) or any of its legs' Call-IDs. */
    public synchronized Optional<CallTrace> call(String callId) {
        return Optional.ofNullable(traces.get(legs.getOrDefault(callId, callId))).map(Buffer::snapshot);
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public synchronized void observe(TracedMessage message, String correlationId) {
        if (!active) {
            return;
        }
        String callId = legs.get(message.callId());
        if (callId == null && traces.containsKey(correlationId)) {
            callId = correlationId;
            legs.put(message.callId(), callId);
        }
        if (callId != null) {
            traces.get(callId).add(message);
            return;
        }
        Deque<TracedMessage> waiting = pending.computeIfAbsent(message.callId(), id -> new ArrayDeque<>());
        if (waiting.size() < maxMessagesPerCall) {
            waiting.add(message);
        }
        if (pending.size() > PENDING_CALLS) {
            pending.remove(pending.keySet().iterator().next());
        }
    }

    @Override
    public void onEvent(CallEvent event) {
        if (active && event instanceof CallEvent.Started started) {
            matching(started).ifPresent(target -> open(started, target));
        }
    }

    private synchronized Optional<TraceTarget> matching(CallEvent.Started call) {
        return targets.stream().filter(target -> switch (target) {
            case TraceTarget.OfTrunk t -> call.trunk().equals(Optional.of(t.trunk()));
            case TraceTarget.OfNumber n -> sameNumber(call.caller(), n) || sameNumber(call.callee(), n);
        }).findFirst();
    }

    /** A number as signalled (E.164 with or without '+', or national) against a traced E.164 number. */
    private static boolean sameNumber(String signalled, TraceTarget.OfNumber target) {
        String digits = signalled.replaceAll("[^0-9]", "");
        String wanted = target.number().value().substring(1);
        return digits.equals(wanted) || digits.length() >= SHORTEST_NATIONAL_DIGITS && wanted.endsWith(digits)
                && signalled.chars().allMatch(Character::isDigit);
    }

    private synchronized void open(CallEvent.Started call, TraceTarget target) {
        if (traces.containsKey(call.callId())) {
            return;
        }
        Buffer buffer = new Buffer(call, target);
        traces.put(call.callId(), buffer);
        legs.put(call.callId(), call.callId());
        Deque<TracedMessage> early = pending.remove(call.callId());
        if (early != null) {
            early.forEach(buffer::add);
        }
        if (traces.size() > maxCalls) {
            Buffer oldest = traces.remove(traces.keySet().iterator().next());
            oldest.legs.forEach(legs::remove);
        }
    }

    /** One traced call's messages: at most {@code maxMessagesPerCall}, the oldest dropped first. */
    private final class Buffer {
        private final CallEvent.Started call;
        private final TraceTarget matched;
        private final Deque<TracedMessage> messages = new ArrayDeque<>();
        private final Set<String> legs = new LinkedHashSet<>();
        private int dropped;

        Buffer(CallEvent.Started call, TraceTarget matched) {
            this.call = call;
            this.matched = matched;
            legs.add(call.callId());
        }

        void add(TracedMessage message) {
            legs.add(message.callId());
            TraceBook.this.legs.put(message.callId(), call.callId());
            messages.add(message);
            if (messages.size() > maxMessagesPerCall) {
                messages.removeFirst();
                dropped++;
            }
        }

        CallTrace snapshot() {
            List<TracedMessage> ordered = new ArrayList<>(messages);
            ordered.sort(Comparator.comparing(TracedMessage::at));
            return new CallTrace(call.callId(), call.at(), call.tenant(), call.trunk(), call.caller(), call.callee(),
                    matched, ordered, dropped);
        }
    }
}
