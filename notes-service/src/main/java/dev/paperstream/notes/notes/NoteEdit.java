package dev.paperstream.notes.notes;

import java.time.Instant;

/** One change of a note field, kept forever. */
public record NoteEdit(String field, String value, boolean prefilled, String editedBy, Instant editedAt) {
}
