package io.sentral.sip.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-threaded lanes: all work of one call (both B2BUA legs) runs on one lane, so call
 * objects need no locks. A lane is picked from the Call-ID; outgoing legs get Call-IDs that carry
 * their call's lane ({@link #markedCallId}), so their responses and requests land on it too.
 */
public final class CallLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallLanes.class);
    private static final String MARK = "-l";

    private final List<ScheduledExecutorService> lanes;
    /** Legs that joined another call (attended transfer, S8) and now run on that call's lane. */
    private final Map<String, Integer> moved = new ConcurrentHashMap<>();

    public CallLanes(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one lane: " + count);
        }
        List<ScheduledExecutorService> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            list.add(Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sip-lane-" + n);
                t.setDaemon(true);
                return t;
            }));
        }
        this.lanes = List.copyOf(list);
    }

    /** The lane for a Call-ID: the marked lane for our own legs, else a hash. */
    public int laneOf(String callId) {
        Integer movedTo = moved.get(callId);
        if (movedTo != null) {
            return movedTo;
        }
        int mark = callId.lastIndexOf(MARK);
        if (mark >= 0) {
            int end = callId.indexOf('@', mark);
            String digits = callId.substring(mark + MARK.length(), end < 0 ? callId.length() : end);
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 4) {
                return Integer.parseInt(digits) % lanes.size();
            }
        }
        return Math.floorMod(callId.hashCode(), lanes.size());
    }

    /** From now on the leg with this Call-ID runs on {@code lane} (it joined a call living there). */
    public void move(String callId, int lane) {
        moved.put(callId, lane);
    }

    /** The leg has ended: its Call-ID goes back to its own lane. */
    public void forget(String callId) {
        moved.remove(callId);
    }

    /** A Call-ID for a new outgoing leg that runs on {@code lane}. */
    public static String markedCallId(String unique, int lane, String host) {
        return unique + MARK + lane + "@" + host;
    }

    public void execute(String callId, Runnable work) {
        submit(laneOf(callId), work);
    }

    public void submit(int lane, Runnable work) {
        lanes.get(lane).execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("unexpected failure on lane {}", lane, e);
            }
        });
    }

    public ScheduledFuture<?> schedule(int lane, Duration delay, Runnable work) {
        return lanes.get(lane).schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("unexpected failure in timer on lane {}", lane, e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ScheduledExecutorService lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
