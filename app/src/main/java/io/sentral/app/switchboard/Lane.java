package io.sentral.app.switchboard;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switchboard lane: one single-threaded executor on which all queue work runs, so the state
 * behind it needs no locks (ARCHITECTURE: all of a call's work on one lane). Every task is
 * guarded: an exception is logged with the task's name and call id and the lane goes on with the
 * next task; a periodic task keeps its schedule.
 */
final class Lane {
    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);

    private final ScheduledExecutorService executor;

    Lane(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code work} on the lane, later. */
    void execute(String what, Runnable work) {
        submit(what, () -> run(what, Optional.empty(), work));
    }

    /** Runs work about one call on the lane, later, with the call id in the log MDC. */
    void executeFor(String callId, String what, Runnable work) {
        submit(what, () -> run(what, Optional.of(callId), work));
    }

    /** Runs {@code work} on the lane after {@code delay}; empty when the lane is shut down. */
    Optional<ScheduledFuture<?>> schedule(String what, Duration delay, Runnable work) {
        try {
            return Optional.of(executor.schedule(() -> run(what, Optional.empty(), work),
                    Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("switchboard lane is shut down: {} not scheduled", what);
            return Optional.empty();
        }
    }

    /** Runs {@code work} on the lane every {@code interval}, first after one interval. */
    Optional<ScheduledFuture<?>> every(String what, Duration interval, Runnable work) {
        try {
            return Optional.of(executor.scheduleWithFixedDelay(() -> run(what, Optional.empty(), work),
                    interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("switchboard lane is shut down: {} not scheduled", what);
            return Optional.empty();
        }
    }

    /** Computes a value on the lane; the future fails if the work throws or the lane is shut down. */
    <T> CompletableFuture<T> call(String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean submitted = submit(what, () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                LOG.warn("switchboard {} failed: {}", what, e.toString(), e);
                result.completeExceptionally(e);
            }
        });
        if (!submitted) {
            result.completeExceptionally(new RejectedExecutionException("the switchboard lane is shut down"));
        }
        return result;
    }

    private boolean submit(String what, Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("switchboard lane is shut down: {} dropped", what);
            return false;
        }
    }

    private static void run(String what, Optional<String> callId, Runnable work) {
        LogContext context = callId.map(LogContext::call).orElse(null);
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("switchboard {}{} failed: {}", what, callId.map(id -> " for call " + id).orElse(""),
                    e.toString(), e);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }
}
