package dev.paperstream.priority.classify;

import dev.paperstream.events.PaperType;
import dev.paperstream.priority.text.TermMatcher;
import dev.paperstream.priority.text.TokenizedText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simple keyword type rule, the baseline the learned classifier is measured against: the type whose
 * cue words occur most (distinct cues) wins; ties go to the order optimization, architecture, theoretical,
 * application; no cue at all is empirical.
 */
public final class KeywordTypeRule implements PaperTypeClassifier {
    private static final Map<PaperType, TermMatcher> CUES = new EnumMap<>(Map.of(
            PaperType.OPTIMIZATION, TermMatcher.of(List.of("speedup", "speed up", "faster", "efficient",
                    "memory-efficient", "io-aware", "kernel", "quantization", "pruning", "accelerat*",
                    "throughput", "latency")),
            PaperType.ARCHITECTURE, TermMatcher.of(List.of("we propose a new architecture", "novel architecture",
                    "new architecture", "layer", "network design", "attention mechanism")),
            PaperType.THEORETICAL, TermMatcher.of(List.of("theorem", "we prove", "bound", "lemma")),
            PaperType.APPLICATION, TermMatcher.of(List.of("we apply", "application to", "applied to",
                    "case study"))));
    private static final List<PaperType> TIE_ORDER = List.of(PaperType.OPTIMIZATION, PaperType.ARCHITECTURE,
            PaperType.THEORETICAL, PaperType.APPLICATION);

    @Override
    public TypeDecision classify(TokenizedText text) {
        PaperType best = PaperType.EMPIRICAL;
        List<String> bestCues = List.of();
        for (PaperType type : TIE_ORDER) {
            List<String> cues = CUES.get(type).matches(text);
            if (cues.size() > bestCues.size()) {
                best = type;
                bestCues = cues;
            }
        }
        return new TypeDecision(best, bestCues.isEmpty() ? "no type cue matched"
                : "matched: " + String.join(", ", bestCues));
    }
}
