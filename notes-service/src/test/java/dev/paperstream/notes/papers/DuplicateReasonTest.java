package dev.paperstream.notes.papers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateReasonTest {

    @Test
    void aDuplicatesReasonNamesThePaperItRepeatsNewAndOldStyleIds() {
        assertThat(DuplicateReason.sameWorkAs("duplicate: same work as arXiv:2205.14135 (cosine 0.97)"))
                .isEqualTo("2205.14135");
        assertThat(DuplicateReason.sameWorkAs("duplicate: same work as arXiv:hep-th/9901001 (cosine 0.99)"))
                .isEqualTo("hep-th/9901001");
    }

    @Test
    void anyOtherReasonOrNoneNamesNoPaper() {
        assertThat(DuplicateReason.sameWorkAs("relevance: 3/5 (matched: attention): +3")).isNull();
        assertThat(DuplicateReason.sameWorkAs("type: EMPIRICAL, same work as arXiv:2205.14135 in spirit")).isNull();
        assertThat(DuplicateReason.sameWorkAs(null)).isNull();
    }
}
