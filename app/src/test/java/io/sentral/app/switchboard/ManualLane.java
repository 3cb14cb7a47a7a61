package io.sentral.app.switchboard;

import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A single-thread scheduled executor for tests, on the test's thread and a clock the test moves:
 * a submitted task runs at once (or, when submitted from a running task, right after it, as on a
 * real one-thread lane); scheduled tasks run when {@link #advance} moves the clock past their
 * time, each at its due instant. Nothing sleeps.
 */
final class ManualLane extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();
    private boolean draining;
    private boolean shutdown;
    private long sequence;

    ManualLane(MutableClock clock) {
        this.clock = clock;
    }

    /** Moves the clock forward by {@code duration}, running every timer due on the way at its time. */
    void advance(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Optional<Timer> next = timers.stream().filter(t -> !t.due.isAfter(end))
                    .min(Comparator.comparing((Timer t) -> t.due).thenComparingLong(t -> t.order));
            if (next.isEmpty()) {
                break;
            }
            Timer timer = next.get();
            timers.remove(timer);
            moveClockTo(timer.due);
            if (timer.period != null) {
                timer.due = timer.due.plus(timer.period);
                timer.order = sequence++;
                timers.add(timer);
            }
            execute(timer.task);
        }
        moveClockTo(end);
    }

    void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** Timers waiting to run (cancelled ones are gone). */
    int pendingTimers() {
        return timers.size();
    }

    private void moveClockTo(Instant instant) {
        if (instant.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), instant));
        }
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("lane shut down");
        }
        ready.add(task);
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!ready.isEmpty()) {
                ready.poll().run();
            }
        } finally {
            draining = false;
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, delay, unit, null);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the queues");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, initialDelay, unit, Duration.ofNanos(unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, initialDelay, unit, Duration.ofNanos(unit.toNanos(delay)));
    }

    private Timer add(Runnable command, long delay, TimeUnit unit, Duration period) {
        if (shutdown) {
            throw new RejectedExecutionException("lane shut down");
        }
        Timer timer = new Timer(command, clock.instant().plusNanos(unit.toNanos(delay)), period, sequence++);
        timers.add(timer);
        return timer;
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = new ArrayList<>(ready);
        timers.forEach(t -> dropped.add(t.task));
        ready.clear();
        timers.clear();
        return dropped;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && ready.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Timer implements ScheduledFuture<Object> {
        final Runnable task;
        final Duration period;
        Instant due;
        long order;
        boolean cancelled;

        Timer(Runnable task, Instant due, Duration period, long order) {
            this.task = task;
            this.due = due;
            this.period = period;
            this.order = order;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = timers.remove(this);
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || !timers.contains(this);
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("the queues never wait for a timer");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
