package dev.paperstream.notes.papers;

import java.util.List;

/** A page of the triage list and how many rows match in all. */
public record PaperPage(List<PaperSummary> items, long total) {
}
