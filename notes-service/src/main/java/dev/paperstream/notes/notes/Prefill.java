package dev.paperstream.notes.notes;

import dev.paperstream.events.PaperParsed;
import dev.paperstream.events.PaperScored;
import dev.paperstream.events.Priority;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Suggestions for the notes, from the metadata (pass 1), the scores (worth a deep read) and the parsed full
 * text (passes 2 and 3, the spec). Those from metadata and scores are worked out when the notes are read
 * (see {@code api.NotesReader}); those from the full text are stored as pre-filled until a person confirms them.
 */
public final class Prefill {
    private static final Pattern PROBLEM_CUES = Pattern.compile(
            "\\b(however|challeng\\w*|problem\\w*|bottleneck\\w*|limit\\w*|costly|expensive|slow\\w*|struggl\\w*"
                    + "|suffer\\w*|difficult\\w*|quadratic|lack\\w*|remains?|inefficien\\w*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRIBUTION_CUES = Pattern.compile(
            "\\b(we (propose|present|introduce|develop|show|design|describe)|this (paper|work)|in this work|our "
                    + "(method|approach|algorithm))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_METHOD = Pattern.compile(
            "^(\\d+(\\.\\d+)*\\.?\\s*)?(abstract|introduction|related work|background|conclusions?|references|"
                    + "acknowledg\\w*|appendix\\w*|discussion|future work|bibliography)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HYPER = Pattern.compile(
            "\\b(learning rate|batch size|warm-?up|epochs?|dropout|weight decay|block size|tile size|head dim\\w*"
                    + "|hidden size|optimizer|adam\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPUTE = Pattern.compile(
            "\\b(gpus?|a100|h100|v100|tpus?|gpu[- ]hours|cuda|sram|hbm|flops?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile(
            "\\b(datasets?|corpus|trained on|pre-?trained on|benchmarks?|tokens)\\b", Pattern.CASE_INSENSITIVE);
    private static final int MAX_TEXT = 1_500;

    private Prefill() {
    }

    public static Map<NoteField, String> fromMetadata(String summary, List<String> codeLinks) {
        Map<NoteField, String> out = new EnumMap<>(NoteField.class);
        List<String> sentences = ClaimExtractor.sentences(summary);
        if (sentences.isEmpty()) {
            return out;
        }
        String problem = first(sentences, s -> PROBLEM_CUES.matcher(s).find(), sentences.get(0));
        String contribution = first(sentences, s -> CONTRIBUTION_CUES.matcher(s).find(),
                sentences.size() > 1 ? sentences.get(1) : sentences.get(0));
        out.put(NoteField.PROBLEM, problem);
        out.put(NoteField.CONTRIBUTION, contribution);
        out.put(NoteField.CORE_CONTRIBUTION, contribution);
        List<NumericClaim> claims = ClaimExtractor.extract(summary);
        if (!claims.isEmpty()) {
            out.put(NoteField.PERFORMANCE, bullets(claims.stream().map(NumericClaim::describe).toList()));
            out.put(NoteField.RESULTS, bullets(claims.stream().map(NumericClaim::describe).toList()));
        }
        if (!codeLinks.isEmpty()) {
            out.put(NoteField.CODE_REPOSITORY, String.join("\n", codeLinks));
        }
        return out;
    }

    /** The best of the teams' scores decides whether the paper deserves a deep read. */
    public static Map<NoteField, String> fromScores(List<PaperScored> scores) {
        if (scores.isEmpty()) {
            return Map.of();
        }
        PaperScored best = scores.stream()
                .min((a, b) -> a.priority() != b.priority() ? a.priority().compareTo(b.priority())
                        : Integer.compare(b.score(), a.score()))
                .orElseThrow();
        String verdict = best.priority() == Priority.HIGH ? "Yes" : best.priority() == Priority.MEDIUM ? "Probably"
                : "No, skim or archive";
        return Map.of(NoteField.WORTH_DEEP_READ, verdict + ": " + best.priority() + " for team " + best.team()
                + " (score " + best.score() + "; " + String.join("; ", best.reasons()) + ")");
    }

    public static Map<NoteField, String> fromParsed(PaperParsed parsed, List<NumericClaim> claims) {
        Map<NoteField, String> out = new EnumMap<>(NoteField.class);
        List<String> methodHeadings = parsed.sections().stream().map(PaperParsed.Section::heading)
                .filter(h -> h != null && !h.isBlank() && !NOT_METHOD.matcher(h.trim()).find()).toList();
        putIfAny(out, NoteField.METHODOLOGY, methodHeadings);
        List<String> described = claims.stream().map(NumericClaim::describe).toList();
        putIfAny(out, NoteField.RESULTS, described);
        putIfAny(out, NoteField.PERFORMANCE, claims.stream()
                .filter(c -> !NumericClaim.OTHER.equals(c.kind())).map(NumericClaim::describe).toList());
        List<String> algorithms = parsed.algorithms().stream()
                .map(a -> a.label() + ": " + firstLine(a.text())).toList();
        putIfAny(out, NoteField.ALGORITHMS, algorithms);
        if (!parsed.algorithms().isEmpty()) {
            PaperParsed.AlgorithmBlock a = parsed.algorithms().get(0);
            out.put(NoteField.SPEC_ALGORITHM, truncate(a.label() + "\n" + (a.text() == null ? "" : a.text())));
        }
        if (!parsed.codeLinks().isEmpty()) {
            out.put(NoteField.CODE_REPOSITORY, String.join("\n", parsed.codeLinks()));
        }
        List<String> sentences = parsed.sections().stream().flatMap(s -> ClaimExtractor.sentences(s.text()).stream())
                .toList();
        putIfAny(out, NoteField.SPEC_HYPERPARAMETERS, matching(sentences, HYPER));
        putIfAny(out, NoteField.SPEC_COMPUTE, matching(sentences, COMPUTE));
        putIfAny(out, NoteField.SPEC_DATA, matching(sentences, DATA));
        parsed.sections().stream()
                .filter(s -> s.heading() != null && s.heading().toLowerCase(Locale.ROOT).contains("limitation"))
                .findFirst()
                .map(s -> ClaimExtractor.sentences(s.text()).stream().limit(3).collect(Collectors.joining(" ")))
                .filter(t -> !t.isBlank())
                .ifPresent(t -> out.put(NoteField.SPEC_FAILURE_MODES, truncate(t)));
        return out;
    }

    private static List<String> matching(List<String> sentences, Pattern pattern) {
        return sentences.stream().filter(s -> pattern.matcher(s).find()).limit(3).toList();
    }

    private static void putIfAny(Map<NoteField, String> out, NoteField field, List<String> lines) {
        if (!lines.isEmpty()) {
            out.put(field, truncate(bullets(lines)));
        }
    }

    private static String first(List<String> sentences, Predicate<String> test, String fallback) {
        return sentences.stream().filter(test).findFirst().orElse(fallback);
    }

    private static String bullets(List<String> lines) {
        return lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n"));
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return text.strip().lines().findFirst().orElse("");
    }

    private static String truncate(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
