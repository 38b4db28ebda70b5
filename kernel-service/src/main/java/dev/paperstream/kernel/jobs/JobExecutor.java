package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.BenchmarkRunner;
import dev.paperstream.kernel.bench.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** Runs one claimed job to its end: progress as it goes, then completed or failed with the cause. */
@ApplicationScoped
public class JobExecutor {
    private static final Logger LOG = Logger.getLogger(JobExecutor.class);

    private final Devices devices;
    private final JobService service;
    private final KernelConfig config;

    public JobExecutor(Devices devices, JobService service, KernelConfig config) {
        this.devices = devices;
        this.service = service;
        this.config = config;
    }

    public void execute(JobRow job) {
        AtomicReference<List<Result>> partial = new AtomicReference<>(List.of());
        Plan plan = null;
        try {
            plan = devices.planner().plan(job.request());
            LOG.infof("job %s: %s on %s", job.jobId(), plan.variants(), plan.backend().device().name());
            BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(plan, config.runSettings(),
                    (done, total, current, results) -> {
                        partial.set(results);
                        service.progress(job.jobId(), done, total, current, results);
                    });
            service.complete(job, plan, outcome.results(), outcome.skipped());
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("job %s failed: %s", job.jobId(), cause);
            service.fail(job, plan != null ? plan.backend().device() : job.device(), partial.get(), cause);
        }
    }
}
