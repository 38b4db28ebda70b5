package dev.paperstream.priority.scoring;

import dev.paperstream.events.DuplicateReason;
import dev.paperstream.priority.store.DuplicateRepository.Duplicate;

/**
 * The note a score of a near-duplicate carries, naming the paper it repeats: "duplicate: same work as
 * arXiv:2205.14135 (cosine 0.97)" ({@link DuplicateReason}). It gives no points; people decide which of the two
 * to read.
 */
final class DuplicateNote {
    private DuplicateNote() {
    }

    static Factor of(Duplicate d) {
        String input = DuplicateReason.note(d.duplicateOf(), d.cosine());
        return new Factor("duplicate", input, 0, DuplicateReason.PREFIX + input);
    }
}
