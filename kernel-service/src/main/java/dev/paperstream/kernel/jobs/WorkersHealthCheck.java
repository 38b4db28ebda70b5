package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while every device's worker thread runs; shows the devices, why CUDA is absent (if it is), the name this
 * instance holds its leases in and the jobs it holds.
 */
@Liveness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {
    private final JobWorkers workers;
    private final Devices devices;

    public WorkersHealthCheck(JobWorkers workers, Devices devices) {
        this.workers = workers;
        this.devices = devices;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("benchmark-workers");
        for (Backend backend : devices.all()) {
            b.withData(backend.kind(), backend.device().name());
        }
        if (devices.cudaUnavailable() != null) {
            b.withData("cudaUnavailable", devices.cudaUnavailable());
        }
        b.withData("owner", workers.owner());
        b.withData("leasedJobs", String.join(",", workers.leased()));
        var dead = workers.deadQueues();
        if (!dead.isEmpty()) {
            b.withData("deadWorkers", String.join(",", dead));
        }
        return b.status(dead.isEmpty()).build();
    }
}
