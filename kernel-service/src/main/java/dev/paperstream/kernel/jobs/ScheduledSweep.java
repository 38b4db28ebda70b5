package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.JobRequest;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The nightly sweep from {@code paperstream.kernel.schedule.*}: naive against fused (tiled on a CPU) over
 * seq 512..16k, headDim 64 and 128, causal and not, queued like any other job; a job over the device's
 * budget or queue cap is left out and logged with the reason (the next night tries again).
 */
@ApplicationScoped
public class ScheduledSweep {
    private static final Logger LOG = Logger.getLogger(ScheduledSweep.class);

    private final JobService jobs;
    private final KernelConfig.Schedule schedule;

    public ScheduledSweep(JobService jobs, KernelConfig config) {
        this.jobs = jobs;
        this.schedule = config.schedule();
    }

    @Scheduled(cron = "{paperstream.kernel.schedule.cron}", identity = "benchmark-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        List<String> ids = submit();
        LOG.infof("scheduled sweep queued %d jobs: %s", ids.size(), ids);
    }

    /** Queues the sweep's jobs now; returns the ids of those the devices took. */
    public List<String> submit() {
        List<String> ids = new ArrayList<>();
        for (int headDim : schedule.headDims()) {
            for (boolean causal : new boolean[] {false, true}) {
                try {
                    ids.add(jobs.submit(new JobRequest(schedule.device(), schedule.variants(), schedule.batch(),
                            schedule.heads(), schedule.seqLens(), headDim, causal, schedule.dtype(), null), "schedule"));
                } catch (RefusedException e) {
                    LOG.warnf("scheduled sweep: headDim %d causal %s not queued: %s", headDim, causal, e.getMessage());
                }
            }
        }
        return ids;
    }
}
