package dev.paperstream.priority.scoring;

import dev.paperstream.priority.store.DuplicateRepository.Duplicate;
import java.util.Locale;

/**
 * The note a score of a near-duplicate carries, naming the paper it repeats: "duplicate: same work as
 * arXiv:2205.14135 (cosine 0.97)". It gives no points; people decide which of the two to read.
 */
final class DuplicateNote {
    private DuplicateNote() {
    }

    static Factor of(Duplicate d) {
        String input = String.format(Locale.ROOT, "same work as arXiv:%s (cosine %.2f)", d.duplicateOf(),
                Math.floor(d.cosine() * 100) / 100);
        return new Factor("duplicate", input, 0, "duplicate: " + input);
    }
}
