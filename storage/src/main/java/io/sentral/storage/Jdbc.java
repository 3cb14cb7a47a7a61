package io.sentral.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few JDBC idioms the stores share: binding parameters (text, numbers, instants, typed
 * nulls), querying into records, and a portable upsert (UPDATE, then INSERT if nothing matched;
 * no vendor MERGE syntax). Table and column names come from code, never from input.
 */
final class Jdbc {
    /** A SQL NULL of a given {@link Types} type: PostgreSQL wants to know the type. */
    record Null(int sqlType) {
    }

    static final Null NULL_TEXT = new Null(Types.VARCHAR);
    static final Null NULL_INTEGER = new Null(Types.INTEGER);
    static final Null NULL_TIMESTAMP = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
    static final Null NULL_DECIMAL = new Null(Types.NUMERIC);

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
                return rows;
            }
        }
    }

    /** Updates the row with {@code key} to {@code values}, inserting it if there is none. */
    static void upsert(Connection c, String table, Map<String, Object> key, Map<String, Object> values)
            throws SQLException {
        String set = values.keySet().stream().map(col -> col + " = ?").collect(Collectors.joining(", "));
        String where = key.keySet().stream().map(col -> col + " = ?").collect(Collectors.joining(" AND "));
        List<Object> updateParams = new ArrayList<>(values.values());
        updateParams.addAll(key.values());
        if (update(c, "UPDATE " + table + " SET " + set + " WHERE " + where, updateParams.toArray()) == 0) {
            insert(c, table, concat(key, values));
        }
    }

    static void insert(Connection c, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(col -> "?").collect(Collectors.joining(", "));
        update(c, "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }

    /** Inserts {@code row} and answers the identity the database generated for its {@code id} column. */
    static long insertReturningId(Connection c, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(col -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + marks + ")", new String[] {"id"})) {
            bind(ps, row.values().toArray());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for " + table);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Column/value pairs in order: {@code row("id", id, "name", name)}. */
    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /** Deletes the tenant's rows of {@code table} whose {@code keyColumn} is not in {@code keep}. */
    static int deleteOthers(Connection c, String table, String tenant, String keyColumn, List<String> keep)
            throws SQLException {
        if (keep.isEmpty()) {
            return update(c, "DELETE FROM " + table + " WHERE tenant_id = ?", tenant);
        }
        String marks = keep.stream().map(k -> "?").collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>();
        params.add(tenant);
        params.addAll(keep);
        return update(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND " + keyColumn + " NOT IN (" + marks + ")",
                params.toArray());
    }

    /** Text of an optional value, or a typed NULL. */
    static Object text(Optional<?> value) {
        return value.<Object>map(Object::toString).orElse(NULL_TEXT);
    }

    static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, column).orElseThrow(() -> new SQLException(column + " is NULL"));
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
    }

    /** Microseconds are what both H2 and PostgreSQL keep; truncating first makes values round-trip. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case Null n -> ps.setNull(i + 1, n.sqlType());
                case Instant t -> ps.setObject(i + 1, storable(t).atOffset(ZoneOffset.UTC));
                case Enum<?> e -> ps.setString(i + 1, e.name());
                case null -> throw new IllegalArgumentException("untyped null parameter " + (i + 1));
                default -> ps.setObject(i + 1, p);
            }
        }
    }

    private static Map<String, Object> concat(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }
}
