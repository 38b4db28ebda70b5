package dev.paperstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SupervisorTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> said = new ArrayList<>();

    private static final class FakeService implements Supervisor.Watched {
        boolean alive = true;
        int starts;

        @Override
        public String name() {
            return "notes-service";
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public int exitValue() {
            return alive ? -1 : 137;
        }

        @Override
        public void start() {
            starts++;
            alive = true;
        }
    }

    private void after(Duration d, Supervisor supervisor) {
        now.addAndGet(d.toMillis());
        supervisor.check();
    }

    @Test
    void aServiceThatDiesIsRestartedAfterABackOffThatDoublesWhileItKeepsDyingAndTheLauncherSaysSo() {
        FakeService notes = new FakeService();
        Supervisor supervisor = new Supervisor(List.of(notes), said::add, now::get);

        notes.alive = false;
        after(Duration.ZERO, supervisor);
        after(Duration.ofMillis(500), supervisor);
        assertThat(notes.starts).isZero();
        after(Duration.ofMillis(500), supervisor);
        assertThat(notes.starts).isEqualTo(1);
        assertThat(said).containsExactly("notes-service exited with status 137; restarting it in 1.0 s",
                "restarting notes-service (restart 1)");

        notes.alive = false;
        after(Duration.ofSeconds(1), supervisor);
        after(Duration.ofSeconds(1), supervisor);
        assertThat(notes.starts).as("second back-off is 2 s").isEqualTo(1);
        after(Duration.ofSeconds(1), supervisor);
        assertThat(notes.starts).isEqualTo(2);
        assertThat(supervisor.restarts("notes-service")).isEqualTo(2);
    }

    @Test
    void aServiceThatStayedUpForAMinuteIsRestartedQuicklyAgain() {
        FakeService notes = new FakeService();
        Supervisor supervisor = new Supervisor(List.of(notes), said::add, now::get);
        for (int i = 0; i < 5; i++) {
            notes.alive = false;
            after(Duration.ZERO, supervisor);
            after(Supervisor.MAX_BACKOFF, supervisor);
        }
        assertThat(notes.starts).isEqualTo(5);

        after(Supervisor.STABLE_AFTER, supervisor);
        notes.alive = false;
        after(Duration.ZERO, supervisor);
        after(Supervisor.FIRST_BACKOFF, supervisor);

        assertThat(notes.starts).isEqualTo(6);
    }

    @Test
    void aSupervisorThatIsClosedRestartsNothing() {
        FakeService notes = new FakeService();
        Supervisor supervisor = new Supervisor(List.of(notes), said::add, now::get);
        supervisor.close();

        notes.alive = false;
        after(Duration.ZERO, supervisor);
        after(Duration.ofMinutes(5), supervisor);

        assertThat(notes.starts).isZero();
        assertThat(said).isEmpty();
    }

    @Test
    void aShutdownStepThatHangsIsLeftBehindAfterItsLimit() {
        long t0 = System.nanoTime();

        boolean finished = Bounded.run("the embedded Kafka broker", Duration.ofMillis(300), () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, said::add);

        assertThat(finished).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(said).containsExactly("the embedded Kafka broker did not stop within 0.3 s; leaving it to the exit");
    }
}
