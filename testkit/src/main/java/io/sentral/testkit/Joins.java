package io.sentral.testkit;

import java.time.Duration;

/** Waits, bounded, for a reader thread to end after its socket was closed. */
final class Joins {
    private static final Duration LIMIT = Duration.ofSeconds(2);

    private Joins() {
    }

    static void join(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
