package dev.paperstream.kernel.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.paperstream.events.BenchmarkCompleted;
import dev.paperstream.kernel.jobs.LeaseFixture.Row;
import dev.paperstream.kernel.store.JobRepository;
import dev.paperstream.testkit.KafkaBrokerResource;
import dev.paperstream.testkit.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instances sharing the schema, played by workers in other names on a queue of the test's own (the service's
 * own workers never serve it), with 3-second leases and 2 attempts.
 */
@QuarkusTest
@TestProfile(JobLeasesTest.ShortLeases.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class JobLeasesTest {
    private static final Duration STOP = Duration.ofSeconds(30);

    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paperstream.kernel.lease.duration", "PT3S", "paperstream.kernel.lease.max-attempts", "2");
        }
    }

    @Inject
    JobWorkers workers;
    @Inject
    JobService service;
    @Inject
    JobRepository jobs;
    @Inject
    Devices devices;
    @Inject
    AgroalDataSource db;
    @Inject
    MeterRegistry metrics;

    private LeaseFixture f;
    private final List<QueueWorker> started = new ArrayList<>();

    @BeforeEach
    void newQueue() {
        f = new LeaseFixture(db, jobs, devices);
    }

    @AfterEach
    void stopAndClear() {
        started.forEach(w -> w.stop(STOP));
        f.clear();
    }

    private QueueWorker worker(String owner) {
        QueueWorker w = workers.newWorker(f.queue, owner);
        started.add(w);
        w.start();
        return w;
    }

    @Test
    void twoInstancesRunEveryJobOnceAndNeverTheSameJobTwice() {
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> f.queue(LeaseFixture.SMALL)).toList();
        worker("instance-a");
        worker("instance-b");
        for (String id : ids) {
            Row row = f.awaitStatus(id, JobRow.COMPLETED);
            assertThat(row.leaseCount()).as("claims of " + id).isEqualTo(1);
            assertThat(row.owner()).isIn("instance-a", "instance-b");
        }
        Map<String, List<BenchmarkCompleted>> published = LeaseFixture.completed(ids, Duration.ofSeconds(1));
        assertThat(published).hasSize(ids.size()).allSatisfy((id, records) -> assertThat(records).hasSize(1));
    }

    @Test
    void concurrentClaimsOfTwoInstancesNeverHandOutOneJobTwice() throws Exception {
        List<String> ids = IntStream.range(0, 40).mapToObj(i -> f.queue(LeaseFixture.SMALL)).toList();
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            String owner = t % 2 == 0 ? "instance-a" : "instance-b";
            pool.submit(() -> {
                for (var lease = service.claim(f.queue, owner); lease.isPresent(); lease = service.claim(f.queue, owner)) {
                    claimed.add(lease.get().jobId());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(claimed).hasSize(ids.size()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aJobWhoseOwnerStoppedHeartbeatingIsRunOnceByAnotherInstanceAfterItsLeaseExpires() throws Exception {
        String id = f.queue(LeaseFixture.SMALL);
        JobLease dead = service.claim(f.queue, "instance-that-died").orElseThrow();
        worker("instance-b");

        Thread.sleep(1500);
        assertThat(f.row(id)).extracting(Row::status, Row::owner).containsExactly("RUNNING", "instance-that-died");
        Row done = f.awaitStatus(id, JobRow.COMPLETED);
        assertThat(done.owner()).isEqualTo("instance-b");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.results()).isEqualTo(2);

        // the dead instance wakes up and tries to record its end: refused, the completed row stands
        assertThatThrownBy(() -> service.fail(dead, dead.job().device(), List.of(), "late"))
                .isInstanceOf(LeaseLostException.class);
        assertThat(f.row(id)).isEqualTo(done);
        List<BenchmarkCompleted> published = LeaseFixture.completed(List.of(id), Duration.ofSeconds(1)).get(id);
        assertThat(published).singleElement().extracting(BenchmarkCompleted::status).isEqualTo("COMPLETED");
    }

    @Test
    void aRestartedInstanceLeavesAJobAloneWhileItsOwnerHeartbeats() throws Exception {
        String id = f.queue(LeaseFixture.SMALL);
        JobLease live = service.claim(f.queue, "instance-still-alive").orElseThrow();
        worker("instance-restarted");

        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos(); // two leases
        while (System.nanoTime() < end) {
            assertThat(service.renew(live)).isTrue();
            assertThat(f.row(id)).extracting(Row::status, Row::owner, Row::leaseCount)
                    .containsExactly("RUNNING", "instance-still-alive", 1);
            Thread.sleep(400);
        }
        // the live instance stops gracefully: the job goes back to the queue, without using up an attempt
        assertThat(service.release(live)).isTrue();
        Row done = f.awaitStatus(id, JobRow.COMPLETED);
        assertThat(done).extracting(Row::owner, Row::leaseCount, Row::attempts)
                .containsExactly("instance-restarted", 2, 1);
        assertThat(LeaseFixture.completed(List.of(id), Duration.ofSeconds(1)).get(id)).hasSize(1);
    }

    @Test
    void aWorkerThatLostItsLeaseStopsAndRecordsNothing() throws Exception {
        String id = f.queue(LeaseFixture.LONG);
        QueueWorker a = worker("instance-a");
        f.awaitStatus(id, JobRow.RUNNING);

        // instance-a's heartbeats stall (a long pause, a partition) until its lease runs out; instance-b takes it
        JobLease[] taken = new JobLease[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            f.expireLease(id);
            taken[0] = service.claim(f.queue, "instance-b").orElse(null);
            return taken[0] != null;
        });
        ScheduledExecutorService heartbeatOfB = Executors.newSingleThreadScheduledExecutor();
        try {
            heartbeatOfB.scheduleAtFixedRate(() -> service.renew(taken[0]), 400, 400, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> a.current().isEmpty());
            Thread.sleep(1500); // instance-a is free, and would record anything it still had
            assertThat(f.row(id)).extracting(Row::status, Row::owner, Row::leaseCount, Row::results)
                    .containsExactly("RUNNING", "instance-b", 2, 0);
            assertThat(metrics.counter("paperstream.kernel.jobs.lease.lost", "queue", f.queue).count()).isEqualTo(1.0);
        } finally {
            heartbeatOfB.shutdownNow();
        }

        // instance-b ends the job: the one result published is its own
        service.fail(taken[0], taken[0].job().device(), List.of(), "ended by instance-b");
        List<BenchmarkCompleted> published = LeaseFixture.completed(List.of(id), Duration.ofSeconds(1)).get(id);
        assertThat(published).singleElement().extracting(BenchmarkCompleted::failure).isEqualTo("ended by instance-b");
    }

    @Test
    void aStoppingWorkerGivesItsJobBackToTheQueueWithoutUsingUpAnAttempt() {
        String id = f.queue(LeaseFixture.LONG);
        QueueWorker a = worker("instance-a");
        f.awaitStatus(id, JobRow.RUNNING);
        a.stop(STOP);
        assertThat(a.alive()).isFalse();
        assertThat(f.row(id)).extracting(Row::status, Row::owner, Row::attempts, Row::results)
                .containsExactly("QUEUED", null, 0, 0);
    }

    @Test
    void aJobWhoseWorkersKeepDyingFailsWithTheReasonAfterItsLastAttempt() {
        String id = f.queue(LeaseFixture.SMALL);
        service.claim(f.queue, "instance-1").orElseThrow();
        f.expireLease(id);
        JobLease second = service.claim(f.queue, "instance-2").orElseThrow();
        assertThat(second.reclaimed()).isTrue();
        assertThat(second.previousOwner()).isEqualTo("instance-1");
        assertThat(second.attempt()).isEqualTo(2);
        f.expireLease(id);

        assertThat(service.claim(f.queue, "instance-3")).isEmpty();
        Row failed = f.row(id);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("abandoned after 2 attempt(s)", "instance-2");
        BenchmarkCompleted published = LeaseFixture.completed(List.of(id), Duration.ZERO).get(id).get(0);
        assertThat(published.status()).isEqualTo("FAILED");
        assertThat(published.failure()).isEqualTo(failed.failure());
    }

    @Test
    void livenessNamesTheInstanceItsLeasesAreHeldIn() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'benchmark-workers' }.data.owner", equalTo(workers.owner()));
        assertThat(workers.owner()).contains(":" + ProcessHandle.current().pid() + ":");
    }
}
