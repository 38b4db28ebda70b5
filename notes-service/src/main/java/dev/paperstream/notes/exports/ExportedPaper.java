package dev.paperstream.notes.exports;

import dev.paperstream.notes.papers.PaperSummary;
import dev.paperstream.notes.papers.StoredPaper;

/**
 * A paper as an export writes it: its stored metadata and, when the export is for one team, that team's row of
 * the listing (priority, score, status); {@code teamRow} is null otherwise.
 */
public record ExportedPaper(StoredPaper paper, PaperSummary teamRow) {

    /** The citation key both exports use, so that a citation from one format matches the other. */
    public String key() {
        return "arxiv" + paper.id().replaceAll("[^A-Za-z0-9.-]", "");
    }

    public String absLink() {
        return "https://arxiv.org/abs/" + paper.id();
    }

    /** What the team made of the paper, for the entry's note; null without a team row. */
    public String teamNote() {
        if (teamRow == null || teamRow.team() == null) {
            return null;
        }
        return "Paperstream team " + teamRow.team() + ": " + teamRow.priority() + ", score " + teamRow.score()
                + (teamRow.paperType() == null ? "" : ", " + teamRow.paperType())
                + (teamRow.status() == null ? "" : ", " + teamRow.status());
    }
}
