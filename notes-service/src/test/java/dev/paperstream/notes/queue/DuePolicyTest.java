package dev.paperstream.notes.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperstream.events.Priority;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuePolicyTest {
    private static final Instant QUEUED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void highIsDueInAWeekMediumInAMonthLowNever() {
        assertThat(DuePolicy.dueAt(Priority.HIGH, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofDays(7)));
        assertThat(DuePolicy.dueAt(Priority.MEDIUM, QUEUED)).isEqualTo(QUEUED.plus(Duration.ofDays(30)));
        assertThat(DuePolicy.dueAt(Priority.LOW, QUEUED)).isNull();
    }

    @Test
    void aHighPaperIsOverdueUntilItsSecondPass() {
        Instant eightDaysLater = QUEUED.plus(Duration.ofDays(8));
        assertThat(DuePolicy.isOverdue(Priority.HIGH, ReadingStatus.NOT_STARTED, QUEUED, eightDaysLater)).isTrue();
        assertThat(DuePolicy.isOverdue(Priority.HIGH, ReadingStatus.PASS1_DONE, QUEUED, eightDaysLater)).isTrue();
        assertThat(DuePolicy.isOverdue(Priority.HIGH, ReadingStatus.PASS2_DONE, QUEUED, eightDaysLater)).isFalse();
        assertThat(DuePolicy.isOverdue(Priority.HIGH, ReadingStatus.ARCHIVED, QUEUED, eightDaysLater)).isFalse();
        assertThat(DuePolicy.isOverdue(Priority.HIGH, ReadingStatus.NOT_STARTED, QUEUED, QUEUED.plus(Duration.ofDays(6))))
                .isFalse();
    }

    @Test
    void aMediumPaperNeedsOnlyAFirstPassAndALowOneNothing() {
        Instant later = QUEUED.plus(Duration.ofDays(31));
        assertThat(DuePolicy.isOverdue(Priority.MEDIUM, ReadingStatus.NOT_STARTED, QUEUED, later)).isTrue();
        assertThat(DuePolicy.isOverdue(Priority.MEDIUM, ReadingStatus.PASS1_DONE, QUEUED, later)).isFalse();
        assertThat(DuePolicy.isOverdue(Priority.LOW, ReadingStatus.NOT_STARTED, QUEUED, later.plus(Duration.ofDays(999))))
                .isFalse();
    }
}
