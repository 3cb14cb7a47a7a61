package io.sentral.storage;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceStore;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Users' absences (S6) in the database, answered from memory: routing asks on every direct call
 * and the queues on every offer, so reads never wait for the database. Every row is loaded when
 * the store is made and again after each provisioning change (register the store with the
 * {@link Provisioner}: a removed user's absences go with the user). A write commits its
 * transaction first and only then changes memory, so a failed write changes nothing. Writes are
 * serialised; a read sees one user's list as a whole, before or after a write.
 *
 * <p>Instants are kept to the microsecond, as the database keeps them, so that what a read
 * answers now is what it answers after a restart.
 */
public final class JdbcAbsenceStore implements AbsenceStore, ProvisioningListener {
    private static final Comparator<Absence> EARLIEST_FIRST = Comparator.comparing(Absence::start)
            .thenComparing(a -> a.end().orElse(Instant.MAX))
            .thenComparing(Absence::source)
            .thenComparing(Absence::reason)
            .thenComparing(a -> a.forwardTo().map(E164Number::value).orElse(""));

    private final Database database;
    private volatile ConcurrentHashMap<UserId, List<Absence>> byUser = new ConcurrentHashMap<>();

    /** Loads every absence from {@code database}. */
    public JdbcAbsenceStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        reload();
    }

    /** Reads every absence from the database again, e.g. after another node changed them. */
    public synchronized void reload() {
        byUser = new ConcurrentHashMap<>(database.withConnection(AbsenceTable::readAll).stream()
                .collect(Collectors.groupingBy(Absence::user,
                        Collectors.collectingAndThen(Collectors.toList(), JdbcAbsenceStore::sorted))));
    }

    @Override
    public List<Absence> absencesOf(UserId user) {
        return byUser.getOrDefault(Objects.requireNonNull(user, "user"), List.of());
    }

    /** @throws IllegalArgumentException for a calendar absence: those come through {@link #replaceCalendar} */
    @Override
    public synchronized void add(Absence absence) {
        Objects.requireNonNull(absence, "absence");
        if (absence.source() != Absence.Source.MANUAL) {
            throw new IllegalArgumentException("calendar absences of " + absence.user()
                    + " are replaced as a whole by replaceCalendar, not added");
        }
        Absence stored = storable(absence);
        database.inTransaction(c -> {
            AbsenceTable.insert(c, stored);
            return null;
        });
        put(absence.user(), Stream.concat(absencesOf(absence.user()).stream(), Stream.of(stored)).toList());
    }

    @Override
    public synchronized void clearManual(UserId user) {
        Objects.requireNonNull(user, "user");
        database.inTransaction(c -> {
            AbsenceTable.delete(c, user, Absence.Source.MANUAL);
            return null;
        });
        put(user, only(user, Absence.Source.CALENDAR));
    }

    /**
     * Replaces the user's calendar absences, leaving manual ones alone. An import equal to the
     * stored one writes nothing, so a sync every few minutes of an unchanged calendar costs no
     * database work.
     *
     * @throws IllegalArgumentException if an absence is another user's or not from the calendar
     */
    @Override
    public synchronized void replaceCalendar(UserId user, List<Absence> imported) {
        Objects.requireNonNull(user, "user");
        for (Absence a : imported) {
            if (!a.user().equals(user) || a.source() != Absence.Source.CALENDAR) {
                throw new IllegalArgumentException("calendar import of " + user + " holds " + a.source()
                        + " absence of " + a.user());
            }
        }
        List<Absence> calendar = sorted(imported.stream().map(JdbcAbsenceStore::storable).distinct().toList());
        if (calendar.equals(only(user, Absence.Source.CALENDAR))) {
            return;
        }
        database.inTransaction(c -> {
            AbsenceTable.delete(c, user, Absence.Source.CALENDAR);
            for (Absence a : calendar) {
                AbsenceTable.insert(c, a);
            }
            return null;
        });
        put(user, Stream.concat(only(user, Absence.Source.MANUAL).stream(), calendar.stream()).toList());
    }

    @Override
    public void provisioned(TenantId tenant) {
        reload();
    }

    private List<Absence> only(UserId user, Absence.Source source) {
        return absencesOf(user).stream().filter(a -> a.source() == source).toList();
    }

    private void put(UserId user, List<Absence> absences) {
        if (absences.isEmpty()) {
            byUser.remove(user);
        } else {
            byUser.put(user, sorted(absences));
        }
    }

    private static List<Absence> sorted(List<Absence> absences) {
        List<Absence> copy = new ArrayList<>(absences);
        copy.sort(EARLIEST_FIRST);
        return List.copyOf(copy);
    }

    private static Absence storable(Absence a) {
        return new Absence(a.user(), a.reason(), Jdbc.storable(a.start()), a.end().map(Jdbc::storable), a.forwardTo(),
                a.source());
    }
}
