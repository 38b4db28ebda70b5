package dev.paperstream.notes.notes;

import dev.paperstream.events.PaperParsed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One implementation spec per algorithm block of the parsed full text, or one named after the paper when it has
 * none. The hyper-parameters, data and compute requirements and failure modes are the paper's, so every spec of a
 * paper shares them. A person's text in {@code spec.algorithm} (and {@code spec.coreEquation}) describes the
 * paper's main algorithm: it replaces the first block's text.
 */
public final class ImplementationSpecs {
    private static final String NAME = "(learning rate|batch size|warm-?up(?: steps)?|epochs|dropout(?: rate)?"
            + "|weight decay|block size|tile size|head dim\\w*|hidden size|optimizer|momentum|temperature"
            + "|sequence length|context length|beta[12]?|epsilon|label smoothing|gradient clipping)";
    private static final String VALUE = "([-+]?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?(?:\\s?%|k|m|b)?)";
    /** {@code learning rate of 3e-4}, {@code batch size = 256}, {@code block size 64}, {@code dropout is 0.1}. */
    private static final Pattern NAME_THEN_VALUE = Pattern.compile("\\b" + NAME
            + "\\s*(?:of|=|:|is|was|set to|to|equal to|\\s)\\s*" + VALUE + "(?!\\w|\\.\\d)",
            Pattern.CASE_INSENSITIVE);
    /** {@code 100 epochs}, {@code 4000 warm-up steps}. */
    private static final Pattern VALUE_THEN_NAME = Pattern.compile("\\b" + VALUE + "\\s+(epochs|warm-?up steps)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTIMIZER = Pattern.compile("\\b(AdamW|Adam|SGD|Adafactor|LAMB|Lion|RMSProp)\\b");
    private static final String GENERIC_KEY = "note";

    private ImplementationSpecs() {
    }

    public static List<ImplementationSpec> of(String paperTitle, NotesView notes, List<PaperParsed.AlgorithmBlock> blocks) {
        Map<String, String> hyper = hyperparameters(NotesView.lines(value(notes, NoteField.SPEC_HYPERPARAMETERS)));
        List<String> data = NotesView.lines(value(notes, NoteField.SPEC_DATA));
        List<String> compute = NotesView.lines(value(notes, NoteField.SPEC_COMPUTE));
        List<String> watch = Stream.concat(
                        NotesView.lines(value(notes, NoteField.SPEC_FAILURE_MODES)).stream()
                                .flatMap(l -> ClaimExtractor.sentences(l).stream()),
                        notes.actionableInsights().get("gotchas").stream())
                .distinct().toList();
        String personsAlgorithm = notes.prefilled(NoteField.SPEC_ALGORITHM) ? "" : notes.text(NoteField.SPEC_ALGORITHM);
        String equation = notes.text(NoteField.SPEC_EQUATION);
        List<ImplementationSpec> specs = new ArrayList<>();
        if (blocks.isEmpty()) {
            String text = notes.text(NoteField.SPEC_ALGORITHM);
            specs.add(new ImplementationSpec(paperTitle.replaceAll("\\s+", " ").trim(), withEquation(text, equation),
                    hyper, data, compute, watch));
            return specs;
        }
        for (int i = 0; i < blocks.size(); i++) {
            PaperParsed.AlgorithmBlock b = blocks.get(i);
            String name = b.label() == null || b.label().isBlank() ? "Algorithm " + (i + 1) : b.label().strip();
            String text = i == 0 && !personsAlgorithm.isBlank() ? personsAlgorithm
                    : b.text() == null ? "" : b.text().strip();
            specs.add(new ImplementationSpec(name, i == 0 ? withEquation(text, equation) : text, hyper, data, compute,
                    watch));
        }
        return specs;
    }

    /**
     * Named values found in the hyper-parameter lines ({@code learning rate of 3e-4 -> learning rate: 3e-4}); a
     * line where none is found is kept whole under {@code note}, {@code note 2}, ... so nothing a person wrote is
     * dropped. The first value found for a name wins.
     */
    static Map<String, String> hyperparameters(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        int unnamed = 0;
        for (String line : lines) {
            int before = out.size();
            Matcher m = NAME_THEN_VALUE.matcher(line);
            while (m.find()) {
                out.putIfAbsent(key(m.group(1)), m.group(2).replace(" ", ""));
            }
            m = VALUE_THEN_NAME.matcher(line);
            while (m.find()) {
                out.putIfAbsent(key(m.group(2)), m.group(1));
            }
            m = OPTIMIZER.matcher(line);
            if (m.find()) {
                out.putIfAbsent("optimizer", m.group(1));
            }
            if (out.size() == before && !(line.contains(":") && keyValue(line, out))) {
                unnamed++;
                out.put(unnamed == 1 ? GENERIC_KEY : GENERIC_KEY + " " + unnamed, line);
            }
        }
        return out;
    }

    /** A line a person wrote as {@code key: value} keeps that key. */
    private static boolean keyValue(String line, Map<String, String> out) {
        int colon = line.indexOf(':');
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        if (key.isEmpty() || value.isEmpty() || key.length() > 40 || out.containsKey(key)) {
            return false;
        }
        out.put(key, value);
        return true;
    }

    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return k.startsWith("warm") ? "warm-up steps" : k;
    }

    private static String withEquation(String algorithm, String equation) {
        if (equation.isBlank()) {
            return algorithm;
        }
        return algorithm.isBlank() ? equation : algorithm + "\n\n" + equation;
    }

    private static NoteValue value(NotesView notes, NoteField field) {
        return notes.sections().get(field.section()).get(field.key());
    }
}
