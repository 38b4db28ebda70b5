package dev.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateReasonTest {

    @Test
    void theLinePriorityWritesNamesThePaperNotesReadsBackNewAndOldStyleIds() {
        assertThat(DuplicateReason.of("2205.14135", 0.978))
                .isEqualTo("duplicate: same work as arXiv:2205.14135 (cosine 0.97)");
        assertThat(DuplicateReason.sameWorkAs(DuplicateReason.of("2205.14135", 0.978))).isEqualTo("2205.14135");
        assertThat(DuplicateReason.sameWorkAs(DuplicateReason.of("hep-th/9901001", 0.999))).isEqualTo("hep-th/9901001");
        assertThat(DuplicateReason.of("hep-th/9901001", 0.999)).endsWith("(cosine 0.99)");
    }

    @Test
    void anyOtherReasonOrNoneNamesNoPaper() {
        assertThat(DuplicateReason.sameWorkAs("relevance: 3/5 (matched: attention): +3")).isNull();
        assertThat(DuplicateReason.sameWorkAs("type: EMPIRICAL, same work as arXiv:2205.14135 in spirit")).isNull();
        assertThat(DuplicateReason.sameWorkAs(null)).isNull();
        assertThat(DuplicateReason.noteIn("relevance: 3/5 (matched: attention): +3")).isNull();
        assertThat(DuplicateReason.noteIn(null)).isNull();
    }

    @Test
    void theNotePeopleReadIsTheLineAfterItsPrefix() {
        assertThat(DuplicateReason.noteIn(DuplicateReason.of("2205.14135", 0.97)))
                .isEqualTo("same work as arXiv:2205.14135 (cosine 0.97)");
    }
}
