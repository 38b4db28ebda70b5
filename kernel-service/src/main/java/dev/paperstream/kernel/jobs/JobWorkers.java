package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Backend;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One worker thread per device, so that a device runs one job at a time and timings are not disturbed
 * by a second job. Workers poll their queue (the database) and are woken early when a job is queued.
 */
@ApplicationScoped
public class JobWorkers {
    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final long POLL_MS = 500;

    private final Devices devices;
    private final JobService service;
    private final JobExecutor executor;
    private final Map<String, Semaphore> signals = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public JobWorkers(Devices devices, JobService service, JobExecutor executor) {
        this.devices = devices;
        this.service = service;
        this.executor = executor;
    }

    void start(@Observes StartupEvent event) {
        for (Backend backend : devices.all()) {
            String queue = backend.kind();
            int requeued = service.requeueRunning(queue);
            if (requeued > 0) {
                LOG.infof("requeued %d %s job(s) left running by a previous instance", requeued, queue);
            }
            signals.put(queue, new Semaphore(0));
            Thread t = new Thread(() -> loop(queue), "benchmark-worker-" + queue);
            t.setDaemon(true);
            threads.put(queue, t);
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        threads.values().forEach(Thread::interrupt);
    }

    /** The queues whose worker thread has died (or never started). */
    public java.util.List<String> deadQueues() {
        return devices.all().stream().map(Backend::kind)
                .filter(q -> threads.get(q) == null || !threads.get(q).isAlive()).toList();
    }

    /** Tells the queue's worker that a job is waiting. */
    public void wake(String queue) {
        Semaphore s = signals.get(queue);
        if (s != null) {
            s.release();
        }
    }

    private void loop(String queue) {
        Semaphore signal = signals.get(queue);
        while (running) {
            try {
                Optional<JobRow> job = service.claimNext(queue);
                if (job.isPresent()) {
                    executor.execute(job.get());
                } else {
                    signal.tryAcquire(POLL_MS, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("benchmark worker %s: %s", queue, e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
