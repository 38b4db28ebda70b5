package dev.paperstream.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready when committed events have waited too long to reach Kafka. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxRelay relay;
    private final Duration maxAge;

    public OutboxHealthCheck(OutboxRelay relay,
            @ConfigProperty(name = "paperstream.outbox.max-age", defaultValue = "PT2M") Duration maxAge) {
        this.relay = relay;
        this.maxAge = maxAge;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox");
        try {
            OutboxRelay.Backlog backlog = relay.backlog();
            b.withData("backlog", backlog.events()).withData("oldestAgeSeconds", backlog.oldestAge().toSeconds());
            if (relay.lastError() != null) {
                b.withData("lastError", relay.lastError());
            }
            return b.status(backlog.oldestAge().compareTo(maxAge) <= 0).build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
