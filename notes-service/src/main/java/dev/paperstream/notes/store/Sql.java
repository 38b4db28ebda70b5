package dev.paperstream.notes.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Conversions between Java values and PostgreSQL columns (text[] and timestamptz). */
public final class Sql {
    private Sql() {
    }

    public static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }

    public static List<String> textList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Serializes the transactions that touch one paper (its metadata and its scores arrive on different topics,
     * in parallel consumers): the second one then sees what the first committed.
     */
    public static void lockPaper(Connection c, String paperId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, paperId);
            ps.execute();
        }
    }

    /**
     * Locks many papers as {@link #lockPaper} does one, in one statement and in the order of their lock
     * keys, so that two batches locking overlapping papers wait for each other instead of deadlocking.
     */
    public static void lockPapers(Connection c, Collection<String> paperIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(k) FROM"
                + " (SELECT DISTINCT hashtext(id) AS k FROM unnest(?::text[]) AS id ORDER BY 1) AS keys")) {
            ps.setArray(1, textArray(c, List.copyOf(paperIds)));
            ps.execute();
        }
    }

    /**
     * A PostgreSQL array literal, every value quoted: how a text[] column travels in an unnest bulk write
     * (one literal per row, cast back with {@code ::text[]}), since unnest flattens an array of arrays.
     */
    public static String arrayLiteral(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    public static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }

    public static Timestamp[] timestamps(List<Instant> values) {
        return values.stream().map(v -> v == null ? null : Timestamp.from(v)).toArray(Timestamp[]::new);
    }

    public static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
