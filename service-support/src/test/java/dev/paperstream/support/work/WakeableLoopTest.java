package dev.paperstream.support.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeableLoopTest {
    // rounds must come from wake-ups and "more" answers: the poll would only come after the test
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void aWakeUpRunsARoundAtOnceInsteadOfAtTheNextPoll() throws Exception {
        LinkedBlockingQueue<Integer> rounds = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        WakeableLoop loop = new WakeableLoop("test-loop", NEVER, () -> {
            rounds.add(count.incrementAndGet());
            return false;
        });
        loop.start();
        assertThat(rounds.poll(5, TimeUnit.SECONDS)).as("the round at start").isEqualTo(1);

        loop.wake();

        assertThat(rounds.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aRoundThatSaysMoreIsWaitingIsFollowedByAnotherWithoutAWakeUp() throws Exception {
        LinkedBlockingQueue<Integer> rounds = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        WakeableLoop loop = new WakeableLoop("test-loop", NEVER, () -> {
            rounds.add(count.incrementAndGet());
            return count.get() < 4;
        });
        loop.start();

        for (int i = 1; i <= 4; i++) {
            assertThat(rounds.poll(5, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(rounds.poll(300, TimeUnit.MILLISECONDS)).as("no fifth round unasked").isNull();
        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aRoundThatFailsDoesNotEndTheLoop() throws Exception {
        LinkedBlockingQueue<Integer> rounds = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        WakeableLoop loop = new WakeableLoop("test-loop", NEVER, () -> {
            rounds.add(count.incrementAndGet());
            if (count.get() == 1) {
                throw new IllegalStateException("database down");
            }
            return false;
        });
        loop.start();
        assertThat(rounds.poll(5, TimeUnit.SECONDS)).isEqualTo(1);

        loop.wake();

        assertThat(rounds.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void withoutWakeUpsTheLoopStillPollsAtItsInterval() throws Exception {
        LinkedBlockingQueue<Integer> rounds = new LinkedBlockingQueue<>();
        AtomicInteger count = new AtomicInteger();
        WakeableLoop loop = new WakeableLoop("test-loop", Duration.ofMillis(100), () -> {
            rounds.add(count.incrementAndGet());
            return false;
        });
        loop.start();

        for (int i = 1; i <= 3; i++) {
            assertThat(rounds.poll(5, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(loop.stop(Duration.ofSeconds(5))).isTrue();
    }
}
