package dev.paperstream.notes.drafts;

import dev.paperstream.notes.notes.NoteField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a model may draft: the first pass of the three-pass method, or the implementation spec. */
public enum DraftKind {
    PASS1("pass1", "the first pass of Keshav's three-pass reading method: what problem the paper addresses, its"
            + " main contribution, and whether the paper is worth a deep read (answer yes or no, then why)",
            List.of(NoteField.PROBLEM, NoteField.CONTRIBUTION, NoteField.WORTH_DEEP_READ)),
    SPEC("spec", "an implementation spec of the paper's main algorithm for an engineer who will implement it:"
            + " the algorithm's steps, its core equation, hyper-parameters with the paper's values, data"
            + " requirements, computational requirements, and known failure modes",
            List.of(NoteField.SPEC_ALGORITHM, NoteField.SPEC_EQUATION, NoteField.SPEC_HYPERPARAMETERS,
                    NoteField.SPEC_DATA, NoteField.SPEC_COMPUTE, NoteField.SPEC_FAILURE_MODES));

    private final String name;
    private final String task;
    private final List<NoteField> fields;

    DraftKind(String name, String task, List<NoteField> fields) {
        this.name = name;
        this.task = task;
        this.fields = fields;
    }

    public String label() {
        return name;
    }

    String task() {
        return task;
    }

    public List<NoteField> fields() {
        return fields;
    }

    public static Optional<DraftKind> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (DraftKind k : values()) {
            if (k.name.equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
