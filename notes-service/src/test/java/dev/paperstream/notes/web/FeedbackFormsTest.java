package dev.paperstream.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackFormsTest {
    @Test
    void aVoteReturnsOnlyToAPathOfThisSite() {
        assertThat(FeedbackForms.safeBack("/?team=a&priority=HIGH", "/papers/1")).isEqualTo("/?team=a&priority=HIGH");
        assertThat(FeedbackForms.safeBack("/papers/2205.14135", "/x")).isEqualTo("/papers/2205.14135");
        assertThat(FeedbackForms.safeBack("https://evil.example/", "/papers/1")).isEqualTo("/papers/1");
        assertThat(FeedbackForms.safeBack("//evil.example/", "/papers/1")).isEqualTo("/papers/1");
        assertThat(FeedbackForms.safeBack("/\\evil.example/", "/papers/1")).isEqualTo("/papers/1");
        assertThat(FeedbackForms.safeBack("/a\r\nSet-Cookie: x", "/papers/1")).isEqualTo("/papers/1");
        assertThat(FeedbackForms.safeBack(null, "/papers/1")).isEqualTo("/papers/1");
    }
}
