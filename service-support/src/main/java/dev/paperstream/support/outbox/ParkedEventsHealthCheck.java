package dev.paperstream.support.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The alert for events the broker refused ({@link ParkedEvents}): DOWN while any is parked, with how many,
 * the oldest one's id and reason, and where to act. Its own group, {@code /q/health/group/outbox}, and not
 * part of readiness: the outbox keeps publishing everything else, so the service should stay in rotation.
 * The same count is the gauge {@code paperstream_outbox_parked_events}.
 */
@HealthGroup("outbox")
@ApplicationScoped
public class ParkedEventsHealthCheck implements HealthCheck {
    private final ParkedEvents parked;

    public ParkedEventsHealthCheck(ParkedEvents parked) {
        this.parked = parked;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox-parked");
        try {
            ParkedEvents.Summary summary = parked.summary();
            b.withData("parked", summary.count());
            if (summary.count() == 0) {
                return b.up().build();
            }
            return b.down().withData("oldestEventId", summary.oldestEventId())
                    .withData("reason", summary.oldestReason())
                    .withData("action", "the broker refuses these events: GET /api/admin/outbox/parked lists them;"
                            + " raise the limit and re-queue, or discard").build();
        } catch (Exception e) {
            return b.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
