package dev.paperstream.notes.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fields of the three-pass method, the paper insights and the implementation spec. */
public enum NoteField {
    PROBLEM("pass1", "problem", "Problem addressed"),
    CONTRIBUTION("pass1", "contribution", "Main contribution"),
    WORTH_DEEP_READ("pass1", "worthDeepRead", "Worth a deep read?"),
    METHODOLOGY("pass2", "methodology", "Key methodology"),
    RESULTS("pass2", "results", "Main results (named numbers)"),
    UNCLEAR("pass2", "unclear", "Unclear points"),
    ALGORITHMS("pass3", "algorithms", "Algorithms extracted"),
    GOTCHAS("pass3", "gotchas", "Implementation gotchas"),
    REPRODUCIBILITY("pass3", "reproducibility", "Reproducibility assessment"),
    CODE_REPOSITORY("pass3", "codeRepository", "Code repository"),
    CORE_CONTRIBUTION("insights", "coreContribution", "Core contribution"),
    KEY_INNOVATION("insights", "keyInnovation", "Key innovation"),
    PERFORMANCE("insights", "performance", "Performance characteristics"),
    SPEC_ALGORITHM("spec", "algorithm", "Algorithm"),
    SPEC_EQUATION("spec", "coreEquation", "Core equation"),
    SPEC_HYPERPARAMETERS("spec", "hyperParameters", "Hyper-parameters"),
    SPEC_DATA("spec", "dataRequirements", "Data requirements"),
    SPEC_COMPUTE("spec", "computeRequirements", "Computational requirements"),
    SPEC_FAILURE_MODES("spec", "failureModes", "Known failure modes");

    /** The longest text a field holds, whoever writes it. */
    public static final int MAX_CHARS = 20_000;
    public static final List<String> SECTIONS = List.of("pass1", "pass2", "pass3", "insights", "spec");

    private final String section;
    private final String key;
    private final String label;

    NoteField(String section, String key, String label) {
        this.section = section;
        this.key = key;
        this.label = label;
    }

    public String section() {
        return section;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** {@code pass1.problem}: the name stored and used in history. */
    public String path() {
        return section + "." + key;
    }

    public static Optional<NoteField> of(String section, String key) {
        return Arrays.stream(values()).filter(f -> f.section.equals(section) && f.key.equals(key)).findFirst();
    }

    public static Optional<NoteField> ofPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path().equals(path)).findFirst();
    }

    public static List<NoteField> inSection(String section) {
        return Arrays.stream(values()).filter(f -> f.section.equals(section)).toList();
    }
}
