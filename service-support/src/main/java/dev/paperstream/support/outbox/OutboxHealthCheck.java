package dev.paperstream.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when committed events have waited too long to reach Kafka. Parked events are shown here too
 * ({@code parked}, {@code parkedReason}) but leave the service ready: the rest of the outbox flows, and
 * taking the service out of rotation would not publish them; {@link ParkedEventsHealthCheck} is the alert.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxRelay relay;
    private final ParkedEvents parked;
    private final Duration maxAge;

    public OutboxHealthCheck(OutboxRelay relay, ParkedEvents parked,
            @ConfigProperty(name = "paperstream.outbox.max-age", defaultValue = "PT2M") Duration maxAge) {
        this.relay = relay;
        this.parked = parked;
        this.maxAge = maxAge;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox");
        try {
            OutboxRelay.Backlog backlog = relay.backlog();
            b.withData("backlog", backlog.events()).withData("oldestAgeSeconds", backlog.oldestAge().toSeconds());
            ParkedEvents.Summary summary = parked.summary();
            b.withData("parked", summary.count());
            if (summary.count() > 0) {
                b.withData("parkedReason", summary.oldestReason());
            }
            if (relay.lastError() != null) {
                b.withData("lastError", relay.lastError());
            }
            return b.status(backlog.oldestAge().compareTo(maxAge) <= 0).build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
