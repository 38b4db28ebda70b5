package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One field of a paper's notes (table {@code note_field}; its full-text vector is the database's). */
@Entity
@Table(name = "note_field")
@IdClass(NoteFieldEntity.Key.class)
public class NoteFieldEntity {
    @Id
    @Column(name = "paper_id")
    public String paperId;
    @Id
    public String field;
    public String value;
    public boolean prefilled;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String paperId;
        public String field;

        public Key() {
        }

        public Key(String paperId, String field) {
            this.paperId = paperId;
            this.field = field;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(paperId, k.paperId) && Objects.equals(field, k.field);
        }

        @Override
        public int hashCode() {
            return Objects.hash(paperId, field);
        }
    }
}
