package io.sentral.sip.emergency;

import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.number.E164Number;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks up the civic address of an emergency caller within a strict time budget (T6): a slow or
 * failing address store must never delay or stop an emergency call, it only yields
 * {@link Result.Missing} with the reason, which the caller turns into an alarm.
 */
public final class LocationLookup implements AutoCloseable {

    /** The outcome of a lookup. */
    public sealed interface Result {
        record Found(CivicAddress address) implements Result {
        }

        record Missing(String reason) implements Result {
        }
    }

    private final EmergencyAddressStore store;
    private final Duration budget;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "emergency-location");
        t.setDaemon(true);
        return t;
    });

    public LocationLookup(EmergencyAddressStore store, Duration budget) {
        this.store = store;
        this.budget = budget;
    }

    public Result locate(E164Number caller) {
        CompletableFuture<Optional<CivicAddress>> lookup =
                CompletableFuture.supplyAsync(() -> store.addressOf(caller), executor);
        try {
            return lookup.get(budget.toMillis(), TimeUnit.MILLISECONDS)
                    .<Result>map(Result.Found::new)
                    .orElseGet(() -> new Result.Missing("no address registered for " + caller));
        } catch (TimeoutException e) {
            lookup.cancel(true);
            return new Result.Missing("address lookup for " + caller + " exceeded its " + budget.toMillis() + " ms budget");
        } catch (ExecutionException e) {
            return new Result.Missing("address lookup for " + caller + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Missing("address lookup for " + caller + " was interrupted");
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
