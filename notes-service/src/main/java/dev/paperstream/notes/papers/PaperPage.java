package dev.paperstream.notes.papers;

import java.util.List;

/**
 * A page of the triage list and how many rows match in all; when {@code totalExact} is false there are more
 * than {@code total} (counting stops past 1,000 rows, or just past the page when it lies further on).
 */
public record PaperPage(List<PaperSummary> items, long total, boolean totalExact) {
}
