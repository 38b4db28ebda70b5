package dev.paperstream.notes.store;

import dev.paperstream.notes.notes.NoteEdit;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.notes.NoteValue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Note fields ({@code note_field}) and their edit history ({@code note_edit}). */
@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<NoteFieldEntity, NoteFieldEntity.Key> {
    /**
     * Who suggested a field: the full text's suggestions are stored and outrank those worked out from the
     * metadata (abstract, links, scores) when the notes are read.
     */
    public static final String FROM_METADATA = "prefill:metadata";
    public static final String FROM_FULLTEXT = "prefill:fulltext";

    @Transactional
    public Map<NoteField, NoteValue> fields(String paperId) {
        Map<NoteField, NoteValue> out = new EnumMap<>(NoteField.class);
        for (NoteFieldEntity f : list("paperId", paperId)) {
            NoteField.ofPath(f.field).ifPresent(field -> out.put(field,
                    new NoteValue(f.value, f.prefilled, f.updatedBy, f.updatedAt)));
        }
        return out;
    }

    /**
     * Writes machine suggestions from {@code source} (FROM_METADATA or FROM_FULLTEXT); returns how many changed.
     * A person's text is never replaced by a machine's: only empty or still-prefilled fields change.
     */
    @Transactional
    public int prefill(String paperId, Map<NoteField, String> values, String source) {
        return write(paperId, values, source, true);
    }

    /** A person's edit; an unchanged value confirms a prefilled one. Returns how many fields changed. */
    @Transactional
    public int edit(String paperId, Map<NoteField, String> values, String author) {
        return write(paperId, values, author, false);
    }

    private int write(String paperId, Map<NoteField, String> values, String author, boolean prefilled) {
        int changed = 0;
        // PostgreSQL keeps microseconds: the notes read back in this transaction show what a later read shows
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Map.Entry<NoteField, String> e : values.entrySet()) {
            String field = e.getKey().path();
            String value = e.getValue();
            if (insertIfAbsent(paperId, field, value, prefilled, author, now)
                    || update(locked(paperId, field), value, prefilled, author, now)) {
                changed++;
                NoteEditEntity edit = new NoteEditEntity();
                edit.paperId = paperId;
                edit.field = field;
                edit.value = value;
                edit.prefilled = prefilled;
                edit.editedBy = author;
                edit.editedAt = now;
                getEntityManager().persist(edit);
            }
        }
        // the notes are read back in the same transaction, some of them by plain SQL (the listing's search)
        flush();
        return changed;
    }

    // The insert skips a field that is there already, so that a person and the full text's suggestions
    // writing the same new field at once both go on to the update rules below.
    private boolean insertIfAbsent(String paperId, String field, String value, boolean prefilled, String author,
            Instant now) {
        return getEntityManager().createQuery("""
                insert into NoteFieldEntity (paperId, field, value, prefilled, updatedBy, updatedAt)
                values (:paperId, :field, :value, :prefilled, :author, :now)
                on conflict (paperId, field) do nothing""")
                .setParameter("paperId", paperId).setParameter("field", field).setParameter("value", value)
                .setParameter("prefilled", prefilled).setParameter("author", author).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The stored field, locked and read again (this transaction may hold an older copy of it). */
    private NoteFieldEntity locked(String paperId, String field) {
        NoteFieldEntity stored = findById(new NoteFieldEntity.Key(paperId, field));
        getEntityManager().refresh(stored, LockModeType.PESSIMISTIC_WRITE);
        return stored;
    }

    /** A suggestion changes a still-prefilled field; a person's edit changes it, or confirms a prefilled one. */
    private static boolean update(NoteFieldEntity stored, String value, boolean prefilled, String author,
            Instant now) {
        boolean changes = prefilled ? stored.prefilled && !stored.value.equals(value)
                : stored.prefilled || !stored.value.equals(value);
        if (changes) {
            stored.value = value;
            stored.prefilled = prefilled;
            stored.updatedBy = author;
            stored.updatedAt = now;
        }
        return changes;
    }

    @Transactional
    public List<NoteEdit> history(String paperId, int limit) {
        return getEntityManager()
                .createQuery("from NoteEditEntity where paperId = :paperId order by seq desc", NoteEditEntity.class)
                .setParameter("paperId", paperId).setMaxResults(limit).getResultStream()
                .map(e -> new NoteEdit(e.field, e.value, e.prefilled, e.editedBy, e.editedAt)).toList();
    }
}
