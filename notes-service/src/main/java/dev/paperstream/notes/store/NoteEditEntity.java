package dev.paperstream.notes.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change of a note field, kept forever (table {@code note_edit}). */
@Entity
@Table(name = "note_edit")
public class NoteEditEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "paper_id")
    public String paperId;
    public String field;
    public String value;
    public boolean prefilled;
    @Column(name = "edited_by")
    public String editedBy;
    @Column(name = "edited_at")
    public Instant editedAt;
}
