package dev.paperstream.ingest.arxiv;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.HealthGroup;

/**
 * The health warning for a 403 from arXiv: the harvester has stopped and an operator must look (clear
 * it with {@code DELETE /api/arxiv/block} once the cause is fixed). It is its own group,
 * {@code /q/health/group/arxiv}, and not part of readiness: imports, full text and the API keep
 * working while polling is stopped, so taking the service out of rotation would only hide it.
 */
@HealthGroup("arxiv")
@ApplicationScoped
public class ArxivHealthCheck implements HealthCheck {
    private final ArxivRateLimiter limiter;

    public ArxivHealthCheck(ArxivRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("arxiv-etiquette");
        return limiter.blocked()
                .map(b -> builder.down().withData("blockedSince", b.since().toString())
                        .withData("reason", b.reason() + "; polling stopped").build())
                .orElseGet(() -> builder.up().build());
    }
}
