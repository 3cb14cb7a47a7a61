package io.sentral.storage;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link CallTarget} (a queue's overflow, a user's forwarding) is stored: two columns
 * {@code <prefix>_kind} ({@code QUEUE}, {@code USER} or {@code NUMBER}) and {@code <prefix>_target}
 * (the queue name, user id or E.164 number), both NULL for no target.
 */
final class CallTargetColumns {
    private CallTargetColumns() {
    }

    /** Puts the two columns of {@code target} into {@code row}. */
    static void put(Map<String, Object> row, String prefix, Optional<CallTarget> target) {
        row.put(prefix + "_kind", Jdbc.text(target.map(CallTargetColumns::kind)));
        row.put(prefix + "_target", Jdbc.text(target.map(CallTargetColumns::target)));
    }

    static Optional<CallTarget> read(ResultSet rs, String prefix) throws SQLException {
        Optional<String> kind = Jdbc.optionalText(rs, prefix + "_kind");
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String target = rs.getString(prefix + "_target");
        return Optional.of(switch (kind.get()) {
            case "QUEUE" -> new CallTarget.ToQueue(QueueName.of(target));
            case "USER" -> new CallTarget.ToUser(UserId.of(target));
            case "NUMBER" -> new CallTarget.ToNumber(E164Number.of(target));
            default -> throw new SQLException("unknown " + prefix + " kind " + kind.get());
        });
    }

    private static String kind(CallTarget target) {
        return switch (target) {
            case CallTarget.ToQueue q -> "QUEUE";
            case CallTarget.ToUser u -> "USER";
            case CallTarget.ToNumber n -> "NUMBER";
        };
    }

    private static String target(CallTarget target) {
        return switch (target) {
            case CallTarget.ToQueue q -> q.queue().value();
            case CallTarget.ToUser u -> u.user().value();
            case CallTarget.ToNumber n -> n.number().value();
        };
    }
}
