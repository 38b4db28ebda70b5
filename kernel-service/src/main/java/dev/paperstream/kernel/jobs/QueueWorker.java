package dev.paperstream.kernel.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The worker of one device queue on one instance: claims the queue's next job under a lease, renews the lease on
 * a heartbeat while the job runs, and stops the job when a heartbeat finds that another instance took it back.
 */
final class QueueWorker {
    private static final Logger LOG = Logger.getLogger(QueueWorker.class);
    private static final long POLL_MS = 500;

    private final String queue;
    private final String owner;
    private final JobService service;
    private final JobExecutor executor;
    private final ScheduledExecutorService heartbeats;
    private final Duration heartbeat;
    private final MeterRegistry metrics;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile JobLease current;

    QueueWorker(String queue, String owner, JobService service, JobExecutor executor,
            ScheduledExecutorService heartbeats, Duration heartbeat, MeterRegistry metrics) {
        this.queue = queue;
        this.owner = owner;
        this.service = service;
        this.executor = executor;
        this.heartbeats = heartbeats;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.thread = new Thread(this::loop, "benchmark-worker-" + queue);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Stops claiming; a running job stops at its next step and goes back to its queue. Waits up to {@code wait}
     * for that; a job still running then keeps its lease until it expires, and another instance takes it back.
     */
    void stop(Duration wait) {
        stopping = true;
        signal.release();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells the worker that a job is waiting. */
    void wake() {
        signal.release();
    }

    boolean alive() {
        return thread.isAlive();
    }

    String queue() {
        return queue;
    }

    /** The job this worker holds now. */
    Optional<JobLease> current() {
        return Optional.ofNullable(current);
    }

    private void loop() {
        while (!stopping) {
            try {
                Optional<JobLease> claimed = service.claim(queue, owner);
                if (claimed.isPresent()) {
                    run(claimed.get());
                } else {
                    signal.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("benchmark worker %s: %s", queue, e.getMessage());
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run(JobLease lease) {
        if (lease.reclaimed()) {
            LOG.infof("job %s: taken back from %s, whose lease expired (attempt %d)", lease.jobId(),
                    lease.previousOwner(), lease.attempt());
        }
        current = lease;
        long every = heartbeat.toMillis();
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> renew(lease), every, every,
                TimeUnit.MILLISECONDS);
        try {
            executor.execute(lease, () -> stopping);
        } catch (LeaseLostException e) {
            lost(lease);
        } catch (JobExecutor.StopRequested e) {
            if (service.release(lease)) {
                LOG.infof("job %s: given back to the %s queue (the worker is stopping)", lease.jobId(), queue);
            }
        } finally {
            beat.cancel(false);
            current = null;
        }
    }

    private void renew(JobLease lease) {
        try {
            if (!lease.renewUnlessEnded(() -> service.renew(lease))) {
                lost(lease);
            }
        } catch (RuntimeException e) {
            // the lease is still ours until it expires: the next beat tries again
            LOG.warnf("job %s: heartbeat failed: %s", lease.jobId(), e.getMessage());
        }
    }

    private void lost(JobLease lease) {
        if (lease.markLost()) {
            metrics.counter("paperstream.kernel.jobs.lease.lost", "queue", queue).increment();
            LOG.warnf("job %s: lost its lease (another instance took it back after it expired); stopping without "
                    + "recording a result", lease.jobId());
        }
    }
}
