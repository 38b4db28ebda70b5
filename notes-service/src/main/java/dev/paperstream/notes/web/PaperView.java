package dev.paperstream.notes.web;

import dev.paperstream.events.DuplicateReason;
import dev.paperstream.notes.api.PaperDetail;
import dev.paperstream.notes.benchmarks.ClaimComparison;
import dev.paperstream.notes.channels.Delivery;
import dev.paperstream.notes.drafts.NoteDrafter;
import dev.paperstream.notes.notes.NoteField;
import dev.paperstream.notes.notes.NoteValue;
import dev.paperstream.notes.queue.ReadingStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The paper page: the paper's detail, its notes as forms, claimed vs measured and the chart. */
public record PaperView(PaperDetail paper, List<NoteSection> sections, ClaimComparison.Comparison comparison,
        BarChart chart, List<Delivery> deliveries) {
    private static final Map<String, String> TITLES = Map.of(
            "pass1", "Pass 1 — first look (5-10 min)",
            "pass2", "Pass 2 — content (1-2 h)",
            "pass3", "Pass 3 — reproduce (2-4 h)",
            "insights", "Paper insights",
            "spec", "Implementation spec");

    public record FieldView(String path, String label, String value, boolean prefilled, String updatedBy,
            Object updatedAt) {

        /** A model's draft not yet confirmed by a person: its text is a suggestion to check against the paper. */
        public boolean drafted() {
            return prefilled && updatedBy != null && updatedBy.startsWith(NoteDrafter.AUTHOR_PREFIX);
        }

        public String draftedBy() {
            return drafted() ? updatedBy.substring(NoteDrafter.AUTHOR_PREFIX.length()) : "";
        }
    }

    public record NoteSection(String name, String title, List<FieldView> fields) {
    }

    public static PaperView of(PaperDetail paper, ClaimComparison.Comparison comparison, List<Delivery> deliveries) {
        List<NoteSection> sections = NoteField.SECTIONS.stream().map(section -> new NoteSection(section,
                TITLES.get(section), NoteField.inSection(section).stream().map(f -> {
                    NoteValue v = paper.notes().sections().get(section).get(f.key());
                    return new FieldView(f.path(), f.label(), v.value() == null ? "" : v.value(), v.prefilled(),
                            v.updatedBy(), v.updatedAt());
                }).toList())).toList();
        return new PaperView(paper, sections, comparison, BarChart.of(comparison), deliveries);
    }

    /** The team whose related papers the page shows: the first that scored the paper; empty: priority's default. */
    public String relatedTeam() {
        return paper.scores().isEmpty() ? "" : paper.scores().get(0).team();
    }

    /**
     * The notes priority put in the scores' reasons when the paper is the same work as another (e.g. "same work
     * as arXiv:2205.14135 (cosine 0.97)"), once each.
     */
    public List<String> duplicateNotes() {
        return paper.scores().stream().flatMap(s -> s.reasons().stream())
                .map(DuplicateReason::noteIn).filter(Objects::nonNull).distinct().toList();
    }

    public List<String> statuses() {
        return List.of(ReadingStatus.values()).stream().map(Enum::name).toList();
    }

    public String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 400 ? text : text.substring(0, 399) + "…";
    }
}
