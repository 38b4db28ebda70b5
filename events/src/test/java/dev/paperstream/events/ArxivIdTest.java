package dev.paperstream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArxivIdTest {

    @Test
    void splitsTheVersionOffAnAbstractPageUrl() {
        assertThat(ArxivId.parseVersioned("http://arxiv.org/abs/1111.2011v2")).isEqualTo(new ArxivId("1111.2011", 2));
        assertThat(ArxivId.parseVersioned("https://arxiv.org/abs/2307.08691v12"))
                .isEqualTo(new ArxivId("2307.08691", 12));
    }

    @Test
    void readsOldStyleIdentifiersWithArchiveAndSubjectClass() {
        assertThat(ArxivId.parseVersioned("http://arxiv.org/abs/hep-th/9901001v1"))
                .isEqualTo(new ArxivId("hep-th/9901001", 1));
        assertThat(ArxivId.parseVersioned("math.AG/0309136v3")).isEqualTo(new ArxivId("math.AG/0309136", 3));
        assertThat(ArxivId.parseVersioned("cond-mat/0601001v2").versioned()).isEqualTo("cond-mat/0601001v2");
    }

    @Test
    void anIdWithoutVersionHasVersionZeroAndIsRefusedWhereOneIsRequired() {
        assertThat(ArxivId.parse("2307.08691")).isEqualTo(new ArxivId("2307.08691", 0));
        assertThatThrownBy(() -> ArxivId.parseVersioned("2307.08691")).hasMessageContaining("has no version");
    }

    @Test
    void refusesWhatIsNotAnArxivId() {
        assertThatThrownBy(() -> ArxivId.parse("not-an-id")).hasMessageContaining("is not an arXiv id");
        assertThatThrownBy(() -> ArxivId.parse("2313.00001v1")).hasMessageContaining("is not an arXiv id");
        assertThatThrownBy(() -> ArxivId.parse("2301.001v1")).hasMessageContaining("is not an arXiv id");
        assertThatThrownBy(() -> ArxivId.parse("2301.00001v0")).hasMessageContaining("version 0");
        assertThatThrownBy(() -> ArxivId.parse(" ")).hasMessageContaining("missing");
        assertThat(ArxivId.tryParse("http://example.org/abs/2301.00001v1")).isEmpty();
    }

    @Test
    void anIdWithoutVersionIsCheckedAndARefusalSaysWhy() {
        assertThat(ArxivId.isValidId("2307.08691")).isTrue();
        assertThat(ArxivId.isValidId("hep-th/9901001")).isTrue();
        assertThat(ArxivId.isValidId("2307.08691v2")).isFalse();
        assertThat(ArxivId.isValidId("2313.08691")).isFalse();
        assertThat(ArxivId.isValidId(null)).isFalse();
        assertThat(ArxivId.explainUnversioned("2307.08691v2"))
                .isEqualTo("'2307.08691v2' has a version; use the arXiv id without version, e.g. 2307.08691");
        assertThat(ArxivId.explainUnversioned("not-an-id")).isEqualTo(
                "'not-an-id' is not an arXiv id (expected e.g. 2307.08691 or hep-th/9901001)");
    }
}
