package io.sentral.sip.registrar;

import io.sentral.core.registration.Binding;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.registration.RegistrationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registrar's location service: live bindings per address of record in memory, written
 * through to the {@link RegistrationStore} so that they survive a restart. Reads never touch
 * the database.
 */
public final class LocationService implements ContactDirectory {
    private final RegistrationStore store;
    private final Clock clock;
    private final Map<String, List<Binding>> bindings = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public LocationService(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Loads unexpired bindings from the store (at start-up). */
    public void load() {
        Map<String, List<Binding>> loaded = new java.util.HashMap<>();
        for (Binding b : store.loadActive(clock.instant())) {
            loaded.computeIfAbsent(b.aor(), k -> new ArrayList<>()).add(b);
        }
        bindings.clear();
        loaded.forEach((aor, list) -> bindings.put(aor, List.copyOf(list)));
    }

    @Override
    public List<Binding> contactsOf(String aor) {
        Instant now = clock.instant();
        return bindings.getOrDefault(aor, List.of()).stream().filter(b -> b.activeAt(now)).toList();
    }

    /**
     * Tells {@code listener} the address of record whose bindings a REGISTER changed (the queues log
     * agents in and out on it, S5). Called on the registering thread: must return quickly.
     */
    public void addListener(java.util.function.Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Atomically computes new bindings for {@code aor} from the current ones and stores them.
     * The store is written inside the per-AOR critical section so memory and database agree.
     */
    public RegisterOutcome update(String aor, java.util.function.Function<List<Binding>, RegisterOutcome> rule) {
        RegisterOutcome[] result = new RegisterOutcome[1];
        bindings.compute(aor, (key, current) -> {
            RegisterOutcome outcome = rule.apply(current == null ? List.of() : current);
            result[0] = outcome;
            if (outcome instanceof RegisterOutcome.Updated updated && updated.changed()) {
                store.replace(aor, updated.bindings());
                return updated.bindings().isEmpty() ? null : updated.bindings();
            }
            return current;
        });
        if (result[0] instanceof RegisterOutcome.Updated updated && updated.changed()) {
            listeners.forEach(listener -> listener.accept(aor));
        }
        return result[0];
    }

    /** Drops expired bindings from memory and the store; returns how many rows were deleted. */
    public int purgeExpired() {
        Instant now = clock.instant();
        bindings.replaceAll((aor, list) -> list.stream().filter(b -> b.activeAt(now)).toList());
        bindings.values().removeIf(List::isEmpty);
        return store.deleteExpired(now);
    }

    /** Number of addresses of record with at least one live binding. */
    public int registeredCount() {
        Instant now = clock.instant();
        return (int) bindings.values().stream().filter(l -> l.stream().anyMatch(b -> b.activeAt(now))).count();
    }

}
