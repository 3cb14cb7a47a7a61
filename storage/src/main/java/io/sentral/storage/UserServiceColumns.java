package io.sentral.storage;

import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of {@code users} that hold a user's call services (V3): extra terminal (S1),
 * forwarding (S7, one {@link CallTargetColumns} pair per condition), presentation (S9) and
 * calendar feed (S6).
 */
final class UserServiceColumns {
    /** A user's services as read from one row. */
    record Services(boolean extraTerminal, Forwarding forwarding, Presentation presentation,
                    Optional<URI> calendarFeed) {
    }

    private UserServiceColumns() {
    }

    static Map<String, Object> of(User u) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("extra_terminal", u.extraTerminal());
        Forwarding f = u.forwarding();
        CallTargetColumns.put(row, "forward_always", f.always());
        CallTargetColumns.put(row, "forward_busy", f.onBusy());
        CallTargetColumns.put(row, "forward_no_answer", f.onNoAnswer());
        row.put("forward_no_answer_after_ms", f.noAnswerAfter().toMillis());
        CallTargetColumns.put(row, "forward_unreachable", f.onUnreachable());
        row.put("presentation_kind", switch (u.presentation()) {
            case Presentation.OwnNumber p -> "OWN";
            case Presentation.MainNumber p -> "MAIN";
            case Presentation.Mobile p -> "MOBILE";
            case Presentation.QueueNumber p -> "QUEUE";
        });
        row.put("presentation_queue", Jdbc.text(u.presentation() instanceof Presentation.QueueNumber q
                ? Optional.of(q.queue().value()) : Optional.empty()));
        row.put("calendar_feed", Jdbc.text(u.calendarFeed()));
        return row;
    }

    static Services read(ResultSet rs) throws SQLException {
        Forwarding forwarding = new Forwarding(CallTargetColumns.read(rs, "forward_always"),
                CallTargetColumns.read(rs, "forward_busy"), CallTargetColumns.read(rs, "forward_no_answer"),
                Duration.ofMillis(rs.getLong("forward_no_answer_after_ms")),
                CallTargetColumns.read(rs, "forward_unreachable"));
        String kind = rs.getString("presentation_kind");
        Presentation presentation = switch (kind) {
            case "OWN" -> new Presentation.OwnNumber();
            case "MAIN" -> new Presentation.MainNumber();
            case "MOBILE" -> new Presentation.Mobile();
            case "QUEUE" -> new Presentation.QueueNumber(QueueName.of(rs.getString("presentation_queue")));
            default -> throw new SQLException("unknown presentation kind " + kind);
        };
        return new Services(rs.getBoolean("extra_terminal"), forwarding, presentation,
                Jdbc.optionalText(rs, "calendar_feed").map(URI::create));
    }
}
