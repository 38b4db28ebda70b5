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

    @Test
    void controlCharactersAreDroppedAndWhitespaceOnesBecomeSpaces() {
        assertThat(Whitespace.normalize("Null\u0000 in a title")).isEqualTo("Null in a title");
        assertThat(Whitespace.normalize("\u0001bell\u0007 and escape\u001b")).isEqualTo("bell and escape");
        assertThat(Whitespace.normalize("form\ffeed and \u000bvertical tab")).isEqualTo("form feed and vertical tab");
        assertThat(Whitespace.normalize("a \u0000 b")).isEqualTo("a b");
        assertThat(Whitespace.normalizeToNull("\u0000\u0002")).isNull();
        assertThat(Whitespace.normalize("Unicode stays: R\u00e9, \u2014, \u00a0"))
                .isEqualTo("Unicode stays: R\u00e9, \u2014, \u00a0");
    }
}
