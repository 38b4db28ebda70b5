package dev.paperstream.support.admin;

import dev.paperstream.support.auth.Roles;
import dev.paperstream.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Every service's dead letters, for admins: {@code GET /api/admin/dead-letters?channel=&limit=} lists the
 * newest (all channels when none is named; {@code limit} 1 to {@value #LIMIT_MAX}, default
 * {@value #LIMIT_DEFAULT}); {@code POST /api/admin/dead-letters/replay} re-publishes one
 * ({@code {"topic", "partition", "offset"}}) or all of a channel ({@code {"channel"}}) to the original topic.
 */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {
    static final int LIMIT_DEFAULT = 50;
    static final int LIMIT_MAX = 500;

    private final DeadLetterQueue queue;

    public DeadLetterResource(DeadLetterQueue queue) {
        this.queue = queue;
    }

    /** The channels and their dead-letter topics, and the newest dead letters. */
    public record Listing(Map<String, String> channels, List<DeadLetter> deadLetters) {
    }

    @GET
    public Listing list(@QueryParam("channel") String channel, @QueryParam("limit") Integer limit) {
        int n = limit == null ? LIMIT_DEFAULT : limit;
        if (n < 1 || n > LIMIT_MAX) {
            throw ProblemException.badRequest("limit must be between 1 and " + LIMIT_MAX + ", got " + n);
        }
        List<String> channels = channel == null || channel.isBlank() ? List.copyOf(queue.channels().keySet())
                : List.of(known(channel));
        return new Listing(queue.channels(), queue.list(channels, n));
    }

    /** Either a channel (replay all of it) or a topic, partition and offset (replay that one). */
    public record ReplayRequest(String channel, String topic, Integer partition, Long offset) {
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetterQueue.Replay replay(ReplayRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must name a channel, or a topic, partition and offset");
        }
        boolean one = request.topic() != null || request.partition() != null || request.offset() != null;
        if (one && (request.topic() == null || request.partition() == null || request.offset() == null)) {
            throw ProblemException.badRequest("replaying one dead letter needs its topic, partition and offset");
        }
        if (one) {
            String channel = queue.channels().entrySet().stream().filter(e -> e.getValue().equals(request.topic()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("'" + request.topic()
                            + "' is not a dead-letter topic of this service; these are: " + queue.channels().values()));
            return queue.replayOne(channel, request.topic(), request.partition(), request.offset())
                    .orElseThrow(() -> ProblemException.notFound("no dead letter at " + request.topic() + "-"
                            + request.partition() + "@" + request.offset()));
        }
        if (request.channel() == null || request.channel().isBlank()) {
            throw ProblemException.badRequest("the body must name a channel, or a topic, partition and offset");
        }
        return queue.replayAll(known(request.channel()));
    }

    private String known(String channel) {
        if (!queue.channels().containsKey(channel)) {
            throw ProblemException.badRequest("unknown channel '" + channel + "'; this service's channels with a"
                    + " dead-letter topic are " + queue.channels().keySet());
        }
        return channel;
    }
}
