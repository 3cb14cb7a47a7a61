package io.sentral.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Messages an agent received and no test has taken yet, in arrival order. A test takes the oldest
 * one matching what it waits for; the others stay for later waits, so an OPTIONS ping never hides
 * the INVITE a test waits for. Waiting is bounded and wakes on arrival (a condition, never a sleep).
 */
final class Inbox {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<SipMessage> messages = new ArrayList<>();

    void add(SipMessage message) {
        lock.lock();
        try {
            messages.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns the oldest message matching {@code wanted}, waiting up to {@code timeout}. */
    Optional<SipMessage> take(Predicate<SipMessage> wanted, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = 0; i < messages.size(); i++) {
                    if (matches(wanted, messages.get(i))) {
                        return Optional.of(messages.remove(i));
                    }
                }
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** A message the predicate cannot even look at (no Call-ID, say) is simply not the one awaited. */
    private static boolean matches(Predicate<SipMessage> wanted, SipMessage message) {
        try {
            return wanted.test(message);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes and returns everything not taken yet. */
    List<SipMessage> drain() {
        lock.lock();
        try {
            List<SipMessage> all = List.copyOf(messages);
            messages.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** What is waiting, without taking it. */
    List<SipMessage> pending() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }
}
