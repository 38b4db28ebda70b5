package dev.paperstream.priority.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TriageActivityTest {
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration MAX_DEFERRAL = Duration.ofMinutes(10);

    @Test
    void embeddingWaitsWhilePapersKeepArrivingAndResumesOnceTheyStop() {
        assertThat(TriageActivity.deferEmbedding(Duration.ofMillis(200), Duration.ofSeconds(30), QUIET, MAX_DEFERRAL))
                .isTrue();
        assertThat(TriageActivity.deferEmbedding(Duration.ofSeconds(6), Duration.ofSeconds(30), QUIET, MAX_DEFERRAL))
                .isFalse();
    }

    @Test
    void aSteadyTrickleNeverStarvesEmbeddingForLongerThanTheMaximumDeferral() {
        assertThat(TriageActivity.deferEmbedding(Duration.ofMillis(200), Duration.ofMinutes(11), QUIET, MAX_DEFERRAL))
                .isFalse();
    }

    @Test
    void aFreshServiceHasSeenNoPapersAndDoesNotDefer() {
        TriageActivity activity = new TriageActivity();
        assertThat(activity.sinceLastArrival()).isGreaterThan(QUIET);
        activity.papersArrived();
        assertThat(activity.sinceLastArrival()).isLessThan(QUIET);
    }
}
