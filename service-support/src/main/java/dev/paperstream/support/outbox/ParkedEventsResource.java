package dev.paperstream.support.outbox;

import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/**
 * Admins see the events the broker refused ({@link ParkedEvents}) and re-queue one once the limit that
 * refused it was raised (the topic's {@code max.message.bytes} and {@code paperstream.outbox.producer.max-request-size}),
 * or discard it. Every service serves these, for its own outbox.
 */
@Path("/api/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ParkedEventsResource {
    static final int MAX_LIMIT = 1000;

    private final ParkedEvents parked;
    private final OutboxRelay relay;

    public ParkedEventsResource(ParkedEvents parked, OutboxRelay relay) {
        this.parked = parked;
        this.relay = relay;
    }

    /** How many are parked in all, and the oldest {@code limit} of them. */
    public record Listing(long parked, List<ParkedEvents.Parked> events) {
    }

    @GET
    public Listing list(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return new Listing(parked.summary().count(), parked.list(limit));
    }

    /** Moves the event back to the end of the outbox; the relay publishes it, or parks it again with the new reason. */
    @POST
    @Path("{eventId}/requeue")
    public ParkedEvents.Parked requeue(@PathParam("eventId") String eventId) {
        ParkedEvents.Parked event = parked.requeue(eventId).orElseThrow(() -> notParked(eventId));
        relay.wake();
        return event;
    }

    @DELETE
    @Path("{eventId}")
    public ParkedEvents.Parked discard(@PathParam("eventId") String eventId) {
        return parked.discard(eventId).orElseThrow(() -> notParked(eventId));
    }

    private static ProblemException notParked(String eventId) {
        return ProblemException.notFound("no parked outbox event with id " + eventId);
    }
}
