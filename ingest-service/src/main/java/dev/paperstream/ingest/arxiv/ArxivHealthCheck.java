package dev.paperstream.ingest.arxiv;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The health warning for a 403 from arXiv: every request to arXiv has stopped and an operator must look
 * (clear it with {@code DELETE /api/arxiv/block} once the cause is fixed). It is its own group,
 * {@code /q/health/group/arxiv}, and not part of readiness: imports, full text and the API keep
 * working while polling is stopped, so taking the service out of rotation would only hide it. A
 * back-off arXiv asked for is shown with the check still UP: it ends by itself.
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
        limiter.backOff().ifPresent(b -> builder.withData("backOffUntil", b.until().toString())
                .withData("backOffReason", b.reason()));
        return limiter.blocked()
                .map(b -> builder.down().withData("blockedSince", b.since().toString())
                        .withData("reason", b.reason() + "; every request to arXiv is stopped").build())
                .orElseGet(() -> builder.up().build());
    }
}
