package dev.paperstream.ingest.arxiv;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * DOWN in {@code /q/health/group/arxiv} while no usable operator contact is configured: scheduled polling
 * and harvesting do not run then ({@link ArxivContact}). Not part of readiness, like the 403 warning.
 */
@HealthGroup("arxiv")
@ApplicationScoped
public class ArxivContactHealthCheck implements HealthCheck {
    private final ArxivConfig config;

    public ArxivContactHealthCheck(ArxivConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("arxiv-contact");
        return ArxivContact.of(config).isPresent() ? builder.up().build()
                : builder.down().withData("reason", ArxivContact.MISSING).build();
    }
}
