package dev.paperstream.notes.notes;

import jakarta.enterprise.context.ApplicationScoped;

/** Assembles a paper's notes view from its fields, claims and history. */
@ApplicationScoped
public class NotesReader {
    private static final int HISTORY = 200;

    private final NoteRepository notes;
    private final ClaimRepository claims;

    public NotesReader(NoteRepository notes, ClaimRepository claims) {
        this.notes = notes;
        this.claims = claims;
    }

    public NotesView view(String paperId) {
        return NotesView.of(paperId, notes.fields(paperId), claims.forPaper(paperId), notes.history(paperId, HISTORY));
    }
}
