package io.sentral.core.billing;

import io.sentral.core.call.CallRecord;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rated calls as CSV (RFC 4180) and as JSON-ready maps (R1, R2): the same columns, in the same
 * order, so a customer's spreadsheet and an integration read the same thing. Instants are ISO-8601
 * UTC, costs plain decimals with two places. A CSV cell that a spreadsheet would run as a formula
 * is defused (OWASP "CSV Injection"). Only what billing needs leaves the server: the
 * signalling source address of a call record (and any SIP credential data) is never exported.
 */
public final class CdrExport {
    static final List<String> COLUMNS = List.of("callId", "direction", "tenant", "trunk", "caller", "callee",
            "startedAt", "answeredAt", "endedAt", "status", "talkSeconds", "category", "cost", "currency");

    /** What a spreadsheet may take for the start of a formula (OWASP: =, +, -, @, tab, carriage return). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");
    /** A plain number, an E.164 number among them: spreadsheets read it as a value, never as a formula. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private CdrExport() {
    }

    /** A header line and one line per call, comma-separated, each line ended by CRLF (RFC 4180 §2). */
    public static String csv(List<RatedCall> calls) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (RatedCall call : calls) {
            List<String> cells = row(call).values().stream().map(v -> quoted(defused(String.valueOf(v)))).toList();
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** One map per call, keys in {@link #COLUMNS} order, values strings or numbers (no JSON library in core). */
    public static List<Map<String, Object>> json(List<RatedCall> calls) {
        return calls.stream().map(CdrExport::row).toList();
    }

    private static Map<String, Object> row(RatedCall call) {
        CallRecord r = call.record();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("callId", r.callId());
        row.put("direction", r.direction().name().toLowerCase(Locale.ROOT));
        row.put("tenant", r.tenant().map(Object::toString).orElse(""));
        row.put("trunk", r.trunk().map(Object::toString).orElse(""));
        row.put("caller", r.caller());
        row.put("callee", r.callee());
        row.put("startedAt", r.startedAt().toString());
        row.put("answeredAt", text(r.answeredAt()));
        row.put("endedAt", text(r.endedAt()));
        row.put("status", r.status().map(String::valueOf).orElse(""));
        row.put("talkSeconds", call.talk().toSeconds());
        row.put("category", call.category().label());
        row.put("cost", call.cost().setScale(2, RoundingMode.HALF_UP).toPlainString());
        row.put("currency", call.currency());
        return row;
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse("");
    }

    /**
     * A cell starting like a formula gets a leading single quote, which spreadsheets show as text;
     * numbers (E.164 callers and callees, "+4790000001") stay as they are so they remain readable
     * and sortable, since a bare number cannot run anything.
     */
    static String defused(String cell) {
        return FORMULA_START.matcher(cell).find() && !NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
