package dev.paperstream.notes.notes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper's notes as the API shows them: one object per section (pass1, pass2, pass3, insights, spec) with
 * every field, the numeric claims found, the actionable insights and the latest edits; then the seed's typed
 * reading-notes fields worked out from them (see {@link ReadingSummary}).
 */
public record NotesView(
        String paperId,
        Map<String, Map<String, NoteValue>> sections,
        List<NumericClaim> numericClaims,
        Map<String, List<String>> actionableInsights,
        List<NoteEdit> history,
        Boolean worthDeepRead,
        Map<String, Double> mainResults,
        boolean pass1Complete,
        boolean pass2Complete,
        boolean pass3Complete,
        Instant dateStarted,
        String pass1Summary) {

    public static NotesView of(String paperId, Map<NoteField, NoteValue> fields, List<NumericClaim> claims,
            List<NoteEdit> history) {
        Map<String, Map<String, NoteValue>> sections = new LinkedHashMap<>();
        for (String section : NoteField.SECTIONS) {
            Map<String, NoteValue> values = new LinkedHashMap<>();
            for (NoteField f : NoteField.inSection(section)) {
                values.put(f.key(), fields.getOrDefault(f, new NoteValue(null, false, null, null)));
            }
            sections.put(section, values);
        }
        Map<String, List<String>> actionable = new LinkedHashMap<>();
        actionable.put("algorithms", lines(fields.get(NoteField.ALGORITHMS)));
        actionable.put("gotchas", lines(fields.get(NoteField.GOTCHAS)));
        NoteValue verdict = fields.get(NoteField.WORTH_DEEP_READ);
        return new NotesView(paperId, sections, claims, actionable, history,
                ReadingSummary.worthDeepRead(verdict == null ? null : verdict.value()),
                ReadingSummary.mainResults(fields.get(NoteField.RESULTS), claims),
                ReadingSummary.complete("pass1", fields), ReadingSummary.complete("pass2", fields),
                ReadingSummary.complete("pass3", fields), ReadingSummary.dateStarted(fields, history),
                ReadingSummary.pass1Summary(fields));
    }

    /** The text of a field, empty when it has none. */
    public String text(NoteField field) {
        NoteValue v = sections.get(field.section()).get(field.key());
        return v.value() == null ? "" : v.value();
    }

    public boolean prefilled(NoteField field) {
        return sections.get(field.section()).get(field.key()).prefilled();
    }

    static List<String> lines(NoteValue v) {
        if (v == null || v.value() == null) {
            return List.of();
        }
        return v.value().lines().map(l -> l.replaceFirst("^\\s*[-*]\\s*", "").trim()).filter(l -> !l.isEmpty())
                .toList();
    }
}
