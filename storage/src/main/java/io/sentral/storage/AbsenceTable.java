package io.sentral.storage;

import static io.sentral.storage.Jdbc.row;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Table {@code absences} (S6): users' manual and calendar-imported absences. */
final class AbsenceTable {
    private AbsenceTable() {
    }

    static List<Absence> readAll(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM absences ORDER BY user_id, starts_at, id", rs -> new Absence(
                UserId.of(rs.getString("user_id")), AbsenceReason.valueOf(rs.getString("reason")),
                Jdbc.instant(rs, "starts_at"), Jdbc.optionalInstant(rs, "ends_at"),
                Jdbc.optionalText(rs, "forward_to").map(E164Number::of),
                Absence.Source.valueOf(rs.getString("source"))));
    }

    static void insert(Connection c, Absence a) throws SQLException {
        Jdbc.insert(c, "absences", row("user_id", a.user().value(), "reason", a.reason(), "starts_at", a.start(),
                "ends_at", a.end().<Object>map(end -> end).orElse(Jdbc.NULL_TIMESTAMP),
                "forward_to", Jdbc.text(a.forwardTo()), "source", a.source()));
    }

    static void delete(Connection c, UserId user, Absence.Source source) throws SQLException {
        Jdbc.update(c, "DELETE FROM absences WHERE user_id = ? AND source = ?", user.value(), source);
    }
}
