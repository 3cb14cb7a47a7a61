package io.sentral.app.calendar;

import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceStore;
import io.sentral.core.switchboard.UserId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** An {@link AbsenceStore} in memory that counts calendar replacements, for sync tests. */
final class MemoryAbsences implements AbsenceStore {
    private final Map<UserId, List<Absence>> byUser = new ConcurrentHashMap<>();
    final AtomicInteger replacements = new AtomicInteger();

    @Override
    public List<Absence> absencesOf(UserId user) {
        return byUser.getOrDefault(user, List.of());
    }

    @Override
    public synchronized void add(Absence absence) {
        byUser.put(absence.user(), Stream.concat(absencesOf(absence.user()).stream(), Stream.of(absence)).toList());
    }

    @Override
    public synchronized void clearManual(UserId user) {
        byUser.put(user, of(user, Absence.Source.CALENDAR));
    }

    @Override
    public synchronized void replaceCalendar(UserId user, List<Absence> imported) {
        replacements.incrementAndGet();
        byUser.put(user, Stream.concat(of(user, Absence.Source.MANUAL).stream(), imported.stream()).toList());
    }

    List<Absence> of(UserId user, Absence.Source source) {
        return absencesOf(user).stream().filter(a -> a.source() == source).toList();
    }
}
