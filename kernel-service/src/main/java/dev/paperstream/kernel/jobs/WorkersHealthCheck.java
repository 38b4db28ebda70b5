package dev.paperstream.kernel.jobs;

import dev.paperstream.kernel.bench.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Live while every device's worker thread runs; shows the devices and why CUDA is absent, if it is. */
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
        var dead = workers.deadQueues();
        if (!dead.isEmpty()) {
            b.withData("deadWorkers", String.join(",", dead));
        }
        return b.status(dead.isEmpty()).build();
    }
}
