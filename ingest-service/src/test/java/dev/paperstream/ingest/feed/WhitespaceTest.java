package dev.paperstream.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhitespaceTest {

    @Test
    void wrappedFeedTextBecomesSingleSpaced() {
        assertThat(Whitespace.normalize("  Attention\n  is all\t\tyou need \r\n")).isEqualTo("Attention is all you need");
        assertThat(Whitespace.normalize("two  spaces")).isEqualTo("two spaces");
        assertThat(Whitespace.normalize("tab\there")).isEqualTo("tab here");
    }

    @Test
    void singleSpacedTextIsKeptAndBlankTextIsNothing() {
        assertThat(Whitespace.normalize("Already single spaced.")).isEqualTo("Already single spaced.");
        assertThat(Whitespace.normalize("x")).isEqualTo("x");
        assertThat(Whitespace.normalizeToNull(" \n\t ")).isNull();
        assertThat(Whitespace.normalizeToNull("")).isNull();
        assertThat(Whitespace.normalize(null)).isNull();
    }
}
