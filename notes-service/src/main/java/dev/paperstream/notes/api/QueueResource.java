package dev.paperstream.notes.api;

import dev.paperstream.notes.queue.QueueItem;
import dev.paperstream.notes.store.QueueRepository;
import dev.paperstream.notes.queue.ReadingStatus;
import dev.paperstream.support.auth.TeamAccess;
import dev.paperstream.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A paper's place in the teams' reading queues: claim it, move it through the passes. */
@Path("/api/papers")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final QueueRepository queue;
    private final SecurityIdentity identity;
    private final TeamAccess access;

    public QueueResource(QueueRepository queue, SecurityIdentity identity, TeamAccess access) {
        this.access = access;
        this.queue = queue;
        this.identity = identity;
    }

    public record StatusChange(String status) {
    }

    @GET
    @Path(PapersResource.ID + "/queue")
    public List<QueueItem> list(@PathParam("id") String id) {
        PapersResource.requireValid(id);
        return queue.forPaper(id).stream().filter(item -> access.allows(item.team())).toList();
    }

    @PUT
    @Path(PapersResource.ID + "/queue/{team}/status")
    @RolesAllowed("editor")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueItem status(@PathParam("id") String id, @PathParam("team") String team, StatusChange change) {
        access.requireTeam(team);
        ReadingStatus status = QueryParams.enumParam(ReadingStatus.class, "status", change == null ? null : change.status());
        if (status == null) {
            throw ProblemException.badRequest("status is required, one of " + List.of(ReadingStatus.values()));
        }
        requireItem(id, team);
        queue.setStatus(id, team, status, identity.getPrincipal().getName());
        return requireItem(id, team);
    }

    @POST
    @Path(PapersResource.ID + "/queue/{team}/claim")
    @RolesAllowed("editor")
    @Transactional
    public QueueItem claim(@PathParam("id") String id, @PathParam("team") String team) {
        requireItem(id, team);
        queue.claim(id, team, identity.getPrincipal().getName());
        return requireItem(id, team);
    }

    @DELETE
    @Path(PapersResource.ID + "/queue/{team}/claim")
    @RolesAllowed("editor")
    @Transactional
    public QueueItem unclaim(@PathParam("id") String id, @PathParam("team") String team) {
        requireItem(id, team);
        queue.unclaim(id, team);
        return requireItem(id, team);
    }

    private QueueItem requireItem(String id, String team) {
        PapersResource.requireValid(id);
        access.requireTeam(team);
        return queue.find(id, team).orElseThrow(() ->
                ProblemException.notFound("paper " + id + " is not in team " + team + "'s reading queue"));
    }
}
