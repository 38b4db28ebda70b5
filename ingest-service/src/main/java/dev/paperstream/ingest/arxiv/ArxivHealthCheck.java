package dev.paperstream.ingest.arxiv;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while arXiv refuses us with 403: the harvester has stopped and an operator must look
 * (clear it with {@code DELETE /api/arxiv/block} once the cause is fixed).
 */
@Readiness
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
