package dev.paperstream.notes.store;

import dev.paperstream.notes.notes.NoteEdit;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.notes.NoteValue;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Note fields and their edit history. Call inside a transaction. */
@ApplicationScoped
public class NoteRepository {
    /**
     * Who suggested a field: the full text's suggestions are stored and outrank those worked out from the
     * metadata (abstract, links, scores) when the notes are read.
     */
    public static final String FROM_METADATA = "prefill:metadata";
    public static final String FROM_FULLTEXT = "prefill:fulltext";

    // A person's text is never replaced by a machine's: prefills only touch empty or still-prefilled fields.
    private static final String PREFILL = """
            INSERT INTO note_field (paper_id, field, value, prefilled, updated_by) VALUES (?, ?, ?, true, ?)
            ON CONFLICT (paper_id, field) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
                updated_at = now()
            WHERE note_field.prefilled AND note_field.value <> EXCLUDED.value
            """;
    private static final String EDIT = """
            INSERT INTO note_field (paper_id, field, value, prefilled, updated_by) VALUES (?, ?, ?, false, ?)
            ON CONFLICT (paper_id, field) DO UPDATE SET value = EXCLUDED.value, prefilled = false,
                updated_by = EXCLUDED.updated_by, updated_at = now()
            WHERE note_field.prefilled OR note_field.value <> EXCLUDED.value
            """;

    private final AgroalDataSource dataSource;

    public NoteRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<NoteField, NoteValue> fields(String paperId) {
        Map<NoteField, NoteValue> out = new EnumMap<>(NoteField.class);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM note_field WHERE paper_id = ?")) {
            ps.setString(1, paperId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    NoteField.ofPath(rs.getString("field")).ifPresent(f -> out.put(f, read(rs)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read notes of " + paperId, e);
        }
    }

    /** Writes machine suggestions from {@code source} (FROM_METADATA or FROM_FULLTEXT); returns how many changed. */
    public int prefill(String paperId, Map<NoteField, String> values, String source) {
        return write(PREFILL, paperId, values, source, true);
    }

    /** A person's edit; an unchanged value confirms a prefilled one. Returns how many fields changed. */
    public int edit(String paperId, Map<NoteField, String> values, String author) {
        return write(EDIT, paperId, values, author, false);
    }

    private int write(String sql, String paperId, Map<NoteField, String> values, String author, boolean prefilled) {
        int changed = 0;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                PreparedStatement history = c.prepareStatement(
                        "INSERT INTO note_edit (paper_id, field, value, prefilled, edited_by) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<NoteField, String> e : values.entrySet()) {
                ps.setString(1, paperId);
                ps.setString(2, e.getKey().path());
                ps.setString(3, e.getValue());
                ps.setString(4, author);
                if (ps.executeUpdate() == 1) {
                    changed++;
                    history.setString(1, paperId);
                    history.setString(2, e.getKey().path());
                    history.setString(3, e.getValue());
                    history.setBoolean(4, prefilled);
                    history.setString(5, author);
                    history.executeUpdate();
                }
            }
            return changed;
        } catch (SQLException e) {
            throw Sql.failure("cannot write notes of " + paperId, e);
        }
    }

    public List<NoteEdit> history(String paperId, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT * FROM note_edit WHERE paper_id = ? ORDER BY seq DESC LIMIT ?")) {
            ps.setString(1, paperId);
            ps.setInt(2, limit);
            List<NoteEdit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NoteEdit(rs.getString("field"), rs.getString("value"), rs.getBoolean("prefilled"),
                            rs.getString("edited_by"), Sql.instant(rs, "edited_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("cannot read note history of " + paperId, e);
        }
    }

    private static NoteValue read(ResultSet rs) {
        try {
            return new NoteValue(rs.getString("value"), rs.getBoolean("prefilled"), rs.getString("updated_by"),
                    Sql.instant(rs, "updated_at"));
        } catch (SQLException e) {
            throw Sql.failure("cannot read a note field", e);
        }
    }
}
