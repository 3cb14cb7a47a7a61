package io.sentral.core.switchboard;

import java.util.List;

/** Port: records absences (manual markings and calendar imports); reads come through {@link AbsenceBook}. */
public interface AbsenceStore extends AbsenceBook {

    /** Records a manual absence. */
    void add(Absence absence);

    /** Removes the user's manual absences (the user is back). */
    void clearManual(UserId user);

    /** Replaces the user's calendar-imported absences with those of the latest sync. */
    void replaceCalendar(UserId user, List<Absence> imported);
}
