package dev.paperstream.notes.notes;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The seed's typed reading-notes fields, worked out from the note fields: whether the paper deserves a deep read,
 * the main results as numbers, which passes are done, when reading started and the pass-1 summary.
 */
final class ReadingSummary {
    /**
     * A pass is complete when a person has written or confirmed each of these fields. Unclear points and the code
     * repository may rightly be empty, so they do not count.
     */
    static final Map<String, List<NoteField>> REQUIRED = Map.of(
            "pass1", List.of(NoteField.PROBLEM, NoteField.CONTRIBUTION, NoteField.WORTH_DEEP_READ),
            "pass2", List.of(NoteField.METHODOLOGY, NoteField.RESULTS),
            "pass3", List.of(NoteField.ALGORITHMS, NoteField.GOTCHAS, NoteField.REPRODUCIBILITY));

    private ReadingSummary() {
    }

    /** Yes for "Yes..."/"Probably...", no for "No...", unknown (null) for anything else. */
    static Boolean worthDeepRead(String verdict) {
        String v = verdict == null ? "" : verdict.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("yes") || v.startsWith("probably")) {
            return true;
        }
        return v.startsWith("no") ? false : null;
    }

    /**
     * {@code metric (unit) -> value}, e.g. {@code "faster (x)": 3.0}. A person's pass-2 results outrank the claims
     * found by the machine; the first value for a metric wins.
     */
    static Map<String, Double> mainResults(NoteValue results, List<NumericClaim> claims) {
        List<NumericClaim> from = byPerson(results) ? ClaimExtractor.extract(results.value()) : claims;
        Map<String, Double> out = new LinkedHashMap<>();
        from.forEach(c -> out.putIfAbsent(c.quantity() + " (" + c.unit() + ")", c.value()));
        return out;
    }

    static boolean complete(String pass, Map<NoteField, NoteValue> fields) {
        return REQUIRED.get(pass).stream().allMatch(f -> byPerson(fields.get(f)));
    }

    /**
     * The first time a person wrote a note: the oldest person's edit in the history read, or the oldest person's
     * field when that history was cut short.
     */
    static Instant dateStarted(Map<NoteField, NoteValue> fields, List<NoteEdit> history) {
        return Stream.concat(
                        history.stream().filter(e -> !e.prefilled()).map(NoteEdit::editedAt),
                        fields.values().stream().filter(ReadingSummary::byPerson).map(NoteValue::updatedAt))
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Problem and contribution, one after the other; null while both are empty. */
    static String pass1Summary(Map<NoteField, NoteValue> fields) {
        String summary = Stream.of(NoteField.PROBLEM, NoteField.CONTRIBUTION).map(fields::get)
                .filter(v -> v != null && v.value() != null && !v.value().isBlank())
                .map(v -> v.value().strip()).collect(Collectors.joining(" "));
        return summary.isEmpty() ? null : summary;
    }

    private static boolean byPerson(NoteValue v) {
        return v != null && !v.prefilled() && v.value() != null && !v.value().isBlank();
    }
}
