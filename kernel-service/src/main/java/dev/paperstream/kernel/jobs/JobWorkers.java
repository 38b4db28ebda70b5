package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Backend;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One worker per device, so that a device runs one job at a time on this instance and timings are not disturbed
 * by a second job. Workers poll their queue (the database), are woken early when a job is queued, and hold the
 * job they run under a lease in this instance's name, so that instances sharing the schema never run one job
 * twice at once and take back the jobs of an instance that died.
 */
@ApplicationScoped
public class JobWorkers {
    /** How long a stop waits for running jobs to reach their next step and go back to their queue. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Devices devices;
    private final JobService service;
    private final JobExecutor executor;
    private final KernelConfig config;
    private final MeterRegistry metrics;
    private final String owner = instanceId();
    private final Map<String, QueueWorker> workers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "benchmark-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public JobWorkers(Devices devices, JobService service, JobExecutor executor, KernelConfig config,
            MeterRegistry metrics) {
        this.devices = devices;
        this.service = service;
        this.executor = executor;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (!config.limitProblems().isEmpty()) {
            return; // JobService stops the start with the problems; a lease out of bounds must not claim a job first
        }
        for (Backend backend : devices.all()) {
            QueueWorker worker = newWorker(backend.kind(), owner);
            workers.put(backend.kind(), worker);
            worker.start();
        }
        metrics.gauge("paperstream.kernel.jobs.leased", workers, w -> leased().size());
    }

    void stop(@Observes ShutdownEvent event) {
        workers.values().parallelStream().forEach(w -> w.stop(STOP_WAIT));
        heartbeats.shutdownNow();
    }

    /** A worker of the queue in the name of {@code owner}, not started; this instance's run as {@link #owner()}. */
    QueueWorker newWorker(String queue, String owner) {
        return new QueueWorker(queue, owner, service, executor, heartbeats, config.lease().heartbeat(), metrics);
    }

    /** The name this instance's leases are held in: host, process id and a random part. */
    public String owner() {
        return owner;
    }

    /** The jobs this instance's workers hold now. */
    public List<String> leased() {
        return workers.values().stream().flatMap(w -> w.current().stream()).map(JobLease::jobId).toList();
    }

    /** The queues whose worker thread has died (or never started). */
    public List<String> deadQueues() {
        return devices.all().stream().map(Backend::kind)
                .filter(q -> workers.get(q) == null || !workers.get(q).alive()).toList();
    }

    /** Tells the queue's worker that a job is waiting. */
    public void wake(String queue) {
        QueueWorker w = workers.get(queue);
        if (w != null) {
            w.wake();
        }
    }

    private static String instanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "unknown-host";
            }
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
