package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.RunSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "paperstream.kernel")
public interface KernelConfig {

    /** CPU threads for the Java kernels; all cores when unset. */
    Optional<Integer> threads();

    /** False keeps the service on the CPU even where CUDA would load. */
    @WithDefault("true")
    boolean cudaEnabled();

    @WithDefault("2")
    int warmups();

    @WithDefault("3")
    int minRuns();

    @WithDefault("20")
    int maxRuns();

    /** Seconds of timed runs per shape after the minimum, up to max-runs. */
    @WithDefault("2.0")
    double targetSeconds();

    /** Query rows compared with the float64 reference per shape. */
    @WithDefault("256")
    int checkRows();

    /**
     * A benchmark.requested whose configuration (with this build and the device it resolves to) ran or is
     * queued within this window is answered by that job instead of queuing another; PT0S turns this off.
     */
    @WithDefault("P7D")
    Duration dedupeWindow();

    /** Identifies the kernels' code in the configuration key; unset = service version + kernel source hash. */
    Optional<String> buildId();

    /** Per device: how many jobs a day it accepts and how many may wait in its queue. */
    Budget budget();

    interface Budget {
        @WithDefault("24")
        int cpuJobsPerDay();

        @WithDefault("200")
        int cudaJobsPerDay();

        @WithDefault("20")
        int cpuQueueCap();

        @WithDefault("100")
        int cudaQueueCap();

        default int jobsPerDay(String queue) {
            return "cuda".equals(queue) ? cudaJobsPerDay() : cpuJobsPerDay();
        }

        default int queueCap(String queue) {
            return "cuda".equals(queue) ? cudaQueueCap() : cpuQueueCap();
        }
    }

    /** How an instance holds the jobs it runs (see the README, "Leases"). */
    Lease lease();

    interface Lease {
        /** How long a claim or a heartbeat keeps the job this instance's; heartbeats come every third of it. */
        @WithDefault("PT60S")
        Duration duration();

        /** Runs a job may start; a job whose workers' leases expired this often is failed instead of retaken. */
        @WithDefault("3")
        int maxAttempts();

        default Duration heartbeat() {
            return duration().dividedBy(3);
        }
    }

    /** What is out of bounds, empty when usable; checked when the service starts. */
    default List<String> limitProblems() {
        List<String> p = new ArrayList<>();
        if (dedupeWindow().isNegative() || dedupeWindow().compareTo(Duration.ofDays(90)) > 0) {
            p.add("paperstream.kernel.dedupe-window must be between PT0S and P90D, not " + dedupeWindow());
        }
        Duration lease = lease().duration();
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
            p.add("paperstream.kernel.lease.duration must be between PT1S and PT1H, not " + lease);
        }
        if (lease().maxAttempts() < 1 || lease().maxAttempts() > 20) {
            p.add("paperstream.kernel.lease.max-attempts must be between 1 and 20, not " + lease().maxAttempts());
        }
        for (String queue : List.of("cpu", "cuda")) {
            if (budget().jobsPerDay(queue) < 1 || budget().jobsPerDay(queue) > 100_000) {
                p.add("paperstream.kernel.budget." + queue + "-jobs-per-day must be between 1 and 100000, not "
                        + budget().jobsPerDay(queue));
            }
            if (budget().queueCap(queue) < 1 || budget().queueCap(queue) > 10_000) {
                p.add("paperstream.kernel.budget." + queue + "-queue-cap must be between 1 and 10000, not "
                        + budget().queueCap(queue));
            }
        }
        return p;
    }

    /** The scheduled sweep: one job per head dim and causal flag, each over all seq lens. */
    Schedule schedule();

    interface Schedule {
        /** Quartz cron (seconds first), "off" to disable; the scheduler reads the same property. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        @WithDefault("auto")
        String device();

        @WithDefault("naive,fused")
        List<String> variants();

        @WithDefault("512,1024,2048,4096,8192,16384")
        List<Integer> seqLens();

        @WithDefault("64,128")
        List<Integer> headDims();

        @WithDefault("1")
        int batch();

        @WithDefault("8")
        int heads();

        @WithDefault("bf16")
        String dtype();
    }

    default RunSettings runSettings() {
        return new RunSettings(warmups(), minRuns(), maxRuns(), targetSeconds(), checkRows());
    }
}
