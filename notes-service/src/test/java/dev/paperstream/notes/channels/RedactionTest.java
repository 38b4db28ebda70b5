package dev.paperstream.notes.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aSlackWebhookShowsItsWorkspaceButNotItsSecretPath() {
        assertThat(Redaction.masked("https://hooks.slack.com/services/T000/B000/XXXXsecret"))
                .isEqualTo("https://hooks.slack.com/services/T000/…");
    }

    @Test
    void anyOtherUrlShowsOnlyItsFirstPathSegmentAndNeverItsQuery() {
        assertThat(Redaction.masked("http://127.0.0.1:8080/hook/s3cr3t")).isEqualTo("http://127.0.0.1:8080/hook/…");
        assertThat(Redaction.masked("https://example.org/s3cr3t")).isEqualTo("https://example.org/…");
        assertThat(Redaction.masked("https://example.org/hook?key=s3cr3t")).isEqualTo("https://example.org/…");
        assertThat(Redaction.masked("https://example.org")).isEqualTo("https://example.org");
        assertThat(Redaction.masked("team@example.org")).isEqualTo("team@example.org");
    }

    @Test
    void anErrorKeepsOnlyHostsOfTheTargetAndOfAnyOtherUrl() {
        String target = "https://hooks.slack.com/services/T000/B000/XXXXsecret";
        assertThat(Redaction.error("HTTP 404 from " + target + ": invalid_token", target))
                .isEqualTo("HTTP 404 from hooks.slack.com: invalid_token");
        assertThat(Redaction.error("redirected to https://other.example/p?token=s3cr3t", target))
                .isEqualTo("redirected to other.example");
        assertThat(Redaction.error("x".repeat(1000), target)).hasSize(Redaction.MAX_ERROR);
        assertThat(Redaction.host("team@example.org")).isEqualTo("example.org");
    }
}
