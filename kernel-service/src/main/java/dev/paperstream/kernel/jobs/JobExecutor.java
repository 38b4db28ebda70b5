package dev.paperstream.kernel.jobs;

import dev.paperstream.events.BenchmarkCompleted.Result;
import dev.paperstream.kernel.bench.BenchmarkRunner;
import dev.paperstream.kernel.bench.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Runs one leased job to its end: progress as it goes, then completed or failed with the cause. It stops at the
 * next step when the lease is lost (another instance took the job back) or the worker is stopping; what it
 * measured then is not recorded.
 */
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

    /** Thrown at the next step when the worker is asked to stop: the job goes back to its queue. */
    public static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("the worker is stopping", null, false, false);
        }
    }

    /** Runs the job; {@code stopping} is asked before every step. Throws {@link StopRequested} on a stop. */
    public void execute(JobLease lease, BooleanSupplier stopping) {
        JobRow job = lease.job();
        AtomicReference<List<Result>> partial = new AtomicReference<>(List.of());
        Plan plan = null;
        try {
            plan = devices.planner().plan(job.request());
            LOG.infof("job %s: %s on %s (attempt %d, lease %s)", job.jobId(), plan.variants(),
                    plan.backend().device().name(), lease.attempt(), lease.owner());
            BenchmarkRunner.Outcome outcome = BenchmarkRunner.run(plan, config.runSettings(),
                    (done, total, current, results) -> {
                        if (lease.lost()) {
                            throw new LeaseLostException(lease);
                        }
                        if (stopping.getAsBoolean()) {
                            throw new StopRequested();
                        }
                        partial.set(results);
                        service.progress(lease, done, total, current, results);
                    });
            Plan ran = plan;
            lease.end(() -> service.complete(lease, ran, outcome.results(), outcome.skipped()));
        } catch (LeaseLostException | StopRequested e) {
            throw e;
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            String cause = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("job %s failed: %s", job.jobId(), cause);
            var device = plan != null ? plan.backend().device() : job.device();
            lease.end(() -> service.fail(lease, device, partial.get(), cause));
        }
    }
}
