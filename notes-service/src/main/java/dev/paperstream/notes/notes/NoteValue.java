package dev.paperstream.notes.notes;

import java.time.Instant;

/** A note field's current text; {@code prefilled} until a person confirms or edits it. */
public record NoteValue(String value, boolean prefilled, String updatedBy, Instant updatedAt) {
}
